package org.lockorder.model;

import java.util.List;
import java.util.Set;
import org.lockorder.ir.Mode;

/**
 * What memory reclaim means for lock order, lockdep's way: an allocation that may enter fs
 * reclaim takes {@code lockClass} (the {@code fs_reclaim} pseudo-lock) and drops it at once; the
 * reclaimer holds it while it runs every function stored in one of {@code handlerFields}
 * (shrinkers, super-block cache callbacks, ->writepages). Whether an allocation may enter fs
 * reclaim is read from its gfp flags: any of {@code noReclaimFlags} (or a mask clearing
 * __GFP_FS or __GFP_DIRECT_RECLAIM) says no; otherwise any of {@code reclaimFlags} says yes; an
 * expression naming neither (a gfp parameter) is taken as no.
 *
 * <p>{@code entries} are the functions through which the page allocator itself reclaims
 * ({@code try_to_free_pages}, {@code node_reclaim}): where the analyzed code defines them, a call
 * to one is not followed, and the reclaimer calls them under the lock instead. Followed from the
 * allocator, they would put every lock reclaim takes under every allocation whose body is
 * analyzed, whatever its gfp flags say ({@code GFP_ATOMIC} included).
 */
public record ReclaimModel(
    String lockClass,
    String kind,
    Mode mode,
    List<String> handlerFields,
    Set<String> reclaimFlags,
    Set<String> noReclaimFlags,
    List<String> entries) {
  public ReclaimModel {
    handlerFields = List.copyOf(handlerFields);
    entries = List.copyOf(entries);
    reclaimFlags = Set.copyOf(reclaimFlags);
    noReclaimFlags = Set.copyOf(noReclaimFlags);
  }
}
