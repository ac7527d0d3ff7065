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
 */
public record ReclaimModel(
    String lockClass,
    String kind,
    Mode mode,
    List<String> handlerFields,
    Set<String> reclaimFlags,
    Set<String> noReclaimFlags) {
  public ReclaimModel {
    handlerFields = List.copyOf(handlerFields);
    reclaimFlags = Set.copyOf(reclaimFlags);
    noReclaimFlags = Set.copyOf(noReclaimFlags);
  }
}
