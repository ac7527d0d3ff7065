package org.lockorder.model;

import java.util.List;
import java.util.Map;

/**
 * What one lock-model file declares, before files are merged.
 *
 * @param source how the file is named in {@link LockModel#sources()}
 * @param primitives in file order
 * @param definers macro to lock kind
 * @param pageFault null when the file has no {@code page_fault} section
 * @param constants name to value
 * @param nonFaulting functions declared not to fault, in file order
 * @param rwlockReadRecursive the {@code options.rwlock_read} setting, null when the file has none
 * @param reclaim null when the file has no {@code reclaim} section
 * @param stubs function name to stub
 * @param fileSystems null when the file has no {@code file_systems} section
 * @param handoffs ops slot ({@code struct.field}) to the lock class its methods take over
 * @param alternatives sources never built together, in file order
 * @param lockWrappers struct types whose lock member is classed by where the struct is embedded
 */
record ModelFile(
    String source,
    List<Primitive> primitives,
    Map<String, String> definers,
    PageFaultModel pageFault,
    Map<String, Long> constants,
    List<String> nonFaulting,
    Boolean rwlockReadRecursive,
    ReclaimModel reclaim,
    Map<String, StubModel> stubs,
    FileSystemsModel fileSystems,
    Map<String, String> handoffs,
    List<Alternative> alternatives,
    List<String> lockWrappers) {
  ModelFile {
    primitives = List.copyOf(primitives);
    definers = Map.copyOf(definers);
    constants = Map.copyOf(constants);
    nonFaulting = List.copyOf(nonFaulting);
    stubs = Map.copyOf(stubs);
    handoffs = Map.copyOf(handoffs);
    alternatives = List.copyOf(alternatives);
    lockWrappers = List.copyOf(lockWrappers);
  }
}
