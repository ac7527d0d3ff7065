package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/**
 * An entry's bytes, and so its digest (its callers' key), follow from the values it holds, not from
 * how the analysis happened to share its objects (ADR-009, "Canonical entries").
 */
class MemoEntryWriterTest {
  private static final SourceAnchors NO_ANCHORS = new SourceAnchors(List.of());

  private static CallStep step(String caller, int line, String callee) {
    return new CallStep(caller, new Location("fs/xfs/xfs_trans.c", line, 2), callee, null);
  }

  /** xfs_trans_alloc -> xfs_trans_reserve -> xfs_log_reserve, made afresh on every call. */
  private static CallChain path() {
    return CallChain.EMPTY
        .prepend(step("xfs_trans_reserve", 40, "xfs_log_reserve"))
        .prepend(step("xfs_trans_alloc", 12, "xfs_trans_reserve"));
  }

  private static Site site(CallChain calls) {
    return new Site(calls, "xfs_log_reserve", new Location("fs/xfs/xfs_log.c", 90, 2), "spin_lock",
        new LockClass("xlog_grant_head.lock", ""), Mode.WRITE, "&head->lock");
  }

  private static MemoEntryWriter writer() {
    return new MemoEntryWriter(NO_ANCHORS, new AtomicReferenceArray<>(4), owner -> true);
  }

  @Test
  void equalPathsAndSitesGiveTheSameBytesShareThemOrNot() {
    MemoEntryWriter shared = writer();
    Site one = site(path());
    shared.site(one);
    shared.site(one);
    shared.chain(CallChain.of(one.calls()));

    MemoEntryWriter copies = writer();
    copies.site(site(path()));
    copies.site(site(path()));
    copies.chain(path());

    assertArrayEquals(shared.out.toByteArray(), copies.out.toByteArray());
    assertArrayEquals(shared.nodesOut.toByteArray(), copies.nodesOut.toByteArray());
    assertEquals(2, copies.chainList.size(), "each node written once");
  }

  @Test
  void aSharedTailIsWrittenOnceAndAnotherStepIsNot() {
    MemoEntryWriter w = writer();
    w.chain(path());
    w.chain(path().tail().prepend(step("xfs_trans_alloc_inode", 70, "xfs_trans_reserve")));
    assertEquals(3, w.chainList.size(), "the two heads and the one tail");
  }

  @Test
  void copiesOfWrittenNodesAreTheComponentsToo() {
    MemoCodec codec = new MemoCodec(NO_ANCHORS, digest -> null, 4);
    MemoEntryWriter callee = new MemoEntryWriter(NO_ANCHORS, new AtomicReferenceArray<>(4), owner -> true);
    CallChain written = path();
    CallChain copy = path();
    callee.chain(written);
    callee.chain(copy);
    int[] aliasOf = new int[callee.aliasOf.size()];
    for (int i = 0; i < aliasOf.length; i++) aliasOf[i] = callee.aliasOf.get(i);
    codec.register(2, "digest-of-the-callee", callee.chainList.toArray(new CallChain[0]),
        callee.aliases.toArray(new CallChain[0]), aliasOf);

    assertEquals(written.memo, copy.memo, "a caller holding the copy names the written node");
    assertEquals(written.tail().memo, copy.tail().memo);
    assertEquals(2, MemoCodec.owner(copy.memo));
  }

  @Test
  void aNodeOfAnotherComponentsEntryIsNamedNotWritten() {
    AtomicReferenceArray<String> digests = new AtomicReferenceArray<>(4);
    digests.set(3, "digest-of-a-callee-of-a-callee");
    CallChain below = path();
    below.memo = (4L << 32) | 1;
    below.tail().memo = 4L << 32;

    MemoEntryWriter caller = new MemoEntryWriter(NO_ANCHORS, digests, owner -> true);
    caller.chain(below.prepend(step("xfs_create", 300, "xfs_trans_alloc")));
    assertEquals(1, caller.chainList.size(), "only the caller's own step");

    // Component 3 is not one the caller calls: a later run may not have it done when the caller's
    // entry is read, so its nodes are written.
    MemoEntryWriter notACallee = new MemoEntryWriter(NO_ANCHORS, digests, owner -> owner != 3);
    notACallee.chain(below.prepend(step("xfs_create", 300, "xfs_trans_alloc")));
    assertEquals(3, notACallee.chainList.size());

    MemoEntryWriter unowned = writer();
    unowned.chain(path().prepend(step("xfs_create", 300, "xfs_trans_alloc")));
    assertEquals(3, unowned.chainList.size());
    assertNotEquals(caller.nodesOut.size(), unowned.nodesOut.size());
  }

  @Test
  void nodesASpecialisedAnalysisMadeAreReadBackAsSuchAndNeverOwned() throws Exception {
    CallChain made = path();
    CallChain.markSpecialised(made);
    CallChain calls = made.prepend(step("xfs_create", 300, "xfs_trans_alloc"));
    MemoEntryWriter w = writer();
    w.chain(calls);

    MemoEntryReader.Nodes nodes = new MemoEntryReader.Nodes(digest -> null);
    new MemoEntryReader(new MemoBytes.In(w.nodesOut.toByteArray(), 0, new java.util.HashMap<>()), nodes, NO_ANCHORS,
        new java.util.HashMap<>(), new java.util.HashMap<>()).readNodes();
    MemoEntryReader r = new MemoEntryReader(new MemoBytes.In(w.out.toByteArray(), 0, new java.util.HashMap<>()), nodes, NO_ANCHORS,
        new java.util.HashMap<>(), new java.util.HashMap<>());
    CallChain read = r.chain();
    assertEquals(calls, read);
    assertEquals(0, read.memo);
    assertEquals(CallChain.SPECIALISED, read.tail().memo);
    assertEquals(CallChain.SPECIALISED, read.tail().tail().memo);

    new MemoCodec(NO_ANCHORS, digest -> null, 4).register(1, "d", nodes.own.toArray(new CallChain[0]), new CallChain[0], new int[0]);
    assertEquals(1, MemoCodec.owner(read.memo), "the caller's own step is its entry's");
    assertEquals(CallChain.SPECIALISED, read.tail().memo, "whoever made it first, every entry writes it");
  }

  @Test
  void anEntryNamesOnlyComponentsItsMembersCallDirectlyOrNot() {
    // 0 <- 1 <- 2 -> 3, and 4 beside them: 2 calls 1 and 3, 1 calls 0.
    int[][] calls = {{}, {0}, {1, 3}, {}, {}};
    SummaryMemo.Reach reach = new SummaryMemo.Reach(2, c -> calls[c]);
    assertEquals(true, reach.test(3));
    assertEquals(true, reach.test(0), "a callee's callee");
    assertEquals(false, reach.test(4), "done before it in one run, maybe not in the next");
    assertEquals(false, reach.test(2), "itself");
    assertEquals(false, new SummaryMemo.Reach(0, c -> calls[c]).test(1), "a caller");
  }
}
