package org.lockorder.analysis;

import java.util.List;
import java.util.Set;

/**
 * The summaries of a component read back from the summary memo, decoded when something first asks
 * for one of them (ADR-009, "Later (stop 51)"). A pre-merge re-run of a kernel tree reads back
 * tens of thousands of components and needs the summaries of a few hundred: the callees of what
 * it analyzes again. What the rest of the run reads of the others is kept decoded beside them:
 * which classes their exits release (the callers' keys read it), and the interrupt usages of the
 * handlers and entry points among them ({@link IrqCandidate}).
 *
 * <p>Decoded once, on whichever analysis thread asks first; the others wait for it.
 */
final class RestoredSummaries {
  /** Decodes the summaries section of an entry; {@link MemoCodec#readSummaries}. */
  interface Decoder {
    Summary[] decode() throws MemoBytes.Malformed, SourceAnchors.UnknownAnchor;
  }

  private Decoder decoder;
  private volatile Summary[] decoded;
  private final List<Set<LockKey>> releasedByExits;
  /** Per member; an element is null once {@link #forgetIrqCandidates} dropped it. */
  private final List<IrqCandidate>[] irqCandidates;
  /** Per member: the kinds its candidates were kept for; 0 once they are dropped. */
  private final int[] irqKinds;
  private final String component;

  /**
   * @param component names the component in the error a damaged entry gives
   * @param releasedByExits per member, {@link AnalysisContext#releasedByExits}
   * @param irqCandidates per member, {@link IrqCandidate#of} its summary, of the kinds in {@code irqKinds}
   */
  RestoredSummaries(
      String component, Decoder decoder, List<Set<LockKey>> releasedByExits, List<List<IrqCandidate>> irqCandidates, int[] irqKinds) {
    this.component = component;
    this.decoder = decoder;
    this.releasedByExits = List.copyOf(releasedByExits);
    @SuppressWarnings("unchecked")
    List<IrqCandidate>[] candidates = irqCandidates.toArray(new List[0]);
    this.irqCandidates = candidates;
    this.irqKinds = irqKinds.clone();
  }

  Summary summary(int member) {
    Summary[] s = decoded;
    if (s == null) s = decode();
    return s[member];
  }

  private synchronized Summary[] decode() {
    if (decoded != null) return decoded;
    try {
      decoded = decoder.decode();
    } catch (MemoBytes.Malformed | SourceAnchors.UnknownAnchor e) {
      // The entry's other sections were read and checked when it was found, and its bytes are
      // checksummed on disk: only a defect in this build gets here.
      throw new IllegalStateException("the summary memo's entry for " + component
          + " cannot be read back (" + e.getMessage() + "); remove the cache directory's summaries/ to analyze again", e);
    }
    decoder = null; // its bytes are no longer needed
    return decoded;
  }

  Set<LockKey> releasedByExits(int member) {
    return releasedByExits.get(member);
  }

  /**
   * The member's interrupt usages of {@code kinds}, or null when they were not kept: it was no
   * handler or entry point when its entry was written (its callers are not in the key), and the
   * summary must be decoded.
   */
  List<IrqCandidate> irqCandidates(int member, int kinds) {
    return (irqKinds[member] & kinds) == kinds ? irqCandidates[member] : null;
  }

  /**
   * Drops the member's interrupt usages once the rule has read them ({@link IrqUsages#offer}):
   * asked again, they come from its summary. Only the thread that adds the components calls this.
   */
  void forgetIrqCandidates(int member) {
    irqCandidates[member] = null;
    irqKinds[member] = 0;
  }
}
