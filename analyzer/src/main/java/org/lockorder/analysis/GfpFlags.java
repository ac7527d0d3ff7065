package org.lockorder.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockorder.model.ReclaimModel;

/**
 * Reads an allocation's gfp-flags argument the way lockdep's fs_reclaim_acquire() decides: the
 * allocation enters fs reclaim only when it may reclaim directly and may call into the file
 * system (__GFP_DIRECT_RECLAIM and __GFP_FS). The flags are source text, so this is a judgement
 * on names: GFP_NOFS anywhere, or a mask clearing __GFP_FS, says no.
 */
final class GfpFlags {
  private static final Pattern NAME = Pattern.compile("~?\\s*\\(?\\s*([A-Za-z_][A-Za-z0-9_]*)");

  private GfpFlags() {}

  enum Verdict { RECLAIMS, NO_RECLAIM, UNKNOWN }

  /**
   * RECLAIMS when {@code text} names a reclaiming flag set (GFP_KERNEL, GFP_USER, ...) and nothing
   * that forbids fs reclaim (GFP_NOFS, GFP_NOIO, GFP_ATOMIC, GFP_NOWAIT, {@code & ~__GFP_FS}).
   * NO_RECLAIM for those; UNKNOWN when it names neither (a gfp parameter, whose callers decide,
   * or mapping_gfp_mask(m), taken as no reclaim).
   */
  static Verdict judge(String text, ReclaimModel model) {
    boolean reclaims = false;
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      boolean cleared = m.group().startsWith("~");
      if (cleared && (name.equals("__GFP_FS") || name.equals("__GFP_DIRECT_RECLAIM") || name.equals("__GFP_RECLAIM"))) {
        return Verdict.NO_RECLAIM;
      }
      if (cleared) continue;
      if (model.noReclaimFlags().contains(name)) return Verdict.NO_RECLAIM;
      if (model.reclaimFlags().contains(name)) reclaims = true;
    }
    return reclaims ? Verdict.RECLAIMS : Verdict.UNKNOWN;
  }

  /** The first identifier of a gfp expression ("gfp" in {@code gfp | __GFP_ZERO}), or null. */
  static String leadingName(String text) {
    Matcher m = NAME.matcher(text);
    return m.find() && !m.group().startsWith("~") ? m.group(1) : null;
  }
}
