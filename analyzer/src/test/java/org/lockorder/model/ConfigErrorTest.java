package org.lockorder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unusable config is reported as file:line:col with a message a user can act on. */
class ConfigErrorTest {
  @TempDir Path tmp;

  private static LockModelException failLoading(Path config) {
    return assertThrows(
        LockModelException.class, () -> LockModel.load(List.of("linux"), List.of(config)));
  }

  private LockModelException failLoading(String yaml) throws IOException {
    return failLoading(Files.writeString(tmp.resolve("lockorder.yaml"), yaml));
  }

  private static void assertRendered(Path file, String positionAndMessage, LockModelException e) {
    assertEquals(file + ":" + positionAndMessage, e.render());
  }

  @Test
  void yamlSyntaxError() {
    Path f = UserConfigTest.resource("errors/syntax.yaml");
    assertRendered(f, "3:5: error: YAML syntax error: expected ',' or '}', but got {", failLoading(f));
  }

  @Test
  void unknownKeyListsTheAllowedOnes() {
    Path f = UserConfigTest.resource("errors/unknown-key.yaml");
    assertRendered(f,
        "3:36: error: unknown key 'lcok' in a primitive"
            + " (allowed: call, class, context, field, gfp, handler, irqs, iterator, key, kind, lock, lock_held, mode, name, nest, op, start, style, subclass, trylock)",
        failLoading(f));
  }

  @Test
  void badMode() {
    Path f = UserConfigTest.resource("errors/bad-mode.yaml");
    assertRendered(f,
        "6:11: error: bad mode 'exclusive' (expected write | read | recursive-read)", failLoading(f));
  }

  @Test
  void lockWrappersAreAListOfTypeNames() throws IOException, LockModelException {
    Path f = tmp.resolve("lockorder.yaml");
    assertRendered(f, "1:16: error: expected a list for 'lock_wrappers', found the string 'wait_queue_head'",
        failLoading("lock_wrappers: wait_queue_head\n"));
    assertRendered(f, "1:17: error: 'my wrapper' is not a struct tag or typedef name", failLoading("lock_wrappers: [my wrapper]\n"));
    Files.writeString(f, "lock_wrappers: [my_waitq]\n");
    LockModel m = LockModel.load(List.of("linux"), List.of(f));
    assertTrue(m.lockWrappers().containsAll(List.of("my_waitq", "wait_queue_head")), "a project's wrappers add to the profile's");
  }

  @Test
  void missingCall() {
    Path f = UserConfigTest.resource("errors/missing-call.yaml");
    assertRendered(f, "3:5: error: a primitive needs 'call'", failLoading(f));
  }

  @Test
  void iteratorPrimitivesNeedTheIteratorArgument() throws IOException, LockModelException {
    Path f = tmp.resolve("lockorder.yaml");
    LockModelException e = failLoading("primitives:\n  - {call: my_iter_kvec, op: kernel-iterator}\n");
    assertEquals(f + ":2:5: error: a primitive with op 'kernel-iterator' needs 'iterator: argN'", e.render());
    e = failLoading("primitives:\n  - {call: my_copy, op: acquire, kind: mutex, mode: write, lock: arg0, iterator: arg1}\n");
    assertTrue(e.render().contains("key 'iterator' does not apply to op 'acquire'"), e.render());
    LockModel m = LockModel.load(List.of("linux"), List.of(Files.writeString(f,
        "primitives:\n  - {call: my_copy_to_iter, op: may-fault, iterator: arg2}\n")));
    assertEquals(2, m.primitive("my_copy_to_iter").orElseThrow().iteratorArg());
  }

  @Test
  void handoffsNeedASlotAndAClass() throws IOException, LockModelException {
    Path f = tmp.resolve("lockorder.yaml");
    LockModelException e = failLoading("handoffs:\n  read_folio: PG_locked\n");
    assertTrue(e.render().startsWith(f + ":2:3: error: "), e.render());
    assertTrue(e.render().contains("struct.field"), e.render());
    e = failLoading("handoffs:\n  address_space_operations.read_folio: [PG_locked]\n");
    assertTrue(e.render().startsWith(f + ":2:"), e.render());
    LockModel m = LockModel.load(List.of("linux"),
        List.of(Files.writeString(f, "handoffs:\n  address_space_operations.writepage: PG_locked\n")));
    assertEquals("PG_locked", m.handoffs().get("address_space_operations.writepage"));
    assertEquals("PG_locked", m.handoffs().get("address_space_operations.read_folio"), "the profile's entry stays");
  }

  @Test
  void alternativesNeedAKeptSourceAndTheDroppedOnes() throws IOException, LockModelException {
    Path f = tmp.resolve("lockorder.yaml");
    LockModelException e = failLoading("alternatives:\n  - {keep: src/a.c}\n");
    assertTrue(e.render().startsWith(f + ":2:"), e.render());
    assertTrue(e.render().contains("'drop'"), e.render());
    e = failLoading("alternatives:\n  - {keep: src/a.c, drop: [src/b.c], also: x}\n");
    assertTrue(e.render().contains("unknown key 'also'"), e.render());
    e = failLoading("alternatives:\n  - {keep: 'src a.c', drop: [src/b.c]}\n");
    assertTrue(e.render().contains("a source path"), e.render());
    LockModel m = LockModel.load(List.of("linux"),
        List.of(Files.writeString(f, "alternatives:\n  - {keep: drivers/a.c, drop: [drivers/b.c]}\n")));
    assertEquals(List.of(new Alternative("mm/slub.c", List.of("mm/slab.c", "mm/slob.c")),
        new Alternative("mm/mmap.c", List.of("mm/nommu.c")),
        new Alternative("drivers/a.c", List.of("drivers/b.c"))), m.alternatives(), "the profile's, then the file's");
  }

  @Test
  void missingFile() {
    Path f = tmp.resolve("nope.yaml");
    LockModelException e = failLoading(f);
    assertRendered(f, "1:1: error: lock-model config file not found", e);
    assertEquals(f.toString(), e.file());
  }

  @Test
  void unknownTopLevelKey() throws IOException {
    LockModelException e = failLoading("primitives: []\nprimitive: []\n");
    assertEquals(2, e.line());
    assertEquals(1, e.column());
    // The list of allowed keys grows with the format; its sorted form is what matters here.
    assertEquals(
        "unknown key 'primitive' at the top level (allowed: "
            + String.join(", ", new java.util.TreeSet<>(ModelFileReader.TOP_KEYS)) + ")",
        e.getMessage());
    assertTrue(e.getMessage().contains("page_fault, primitives"), e.getMessage());
  }

  @Test
  void reclaimEntriesAreFunctionNames() throws IOException {
    LockModelException e = failLoading(
        "reclaim:\n  lock: {class: fs_reclaim, kind: lockdep_map, mode: write}\n  handlers: [shrinker.scan_objects]\n"
            + "  entries: [try_to_free_pages, 3]\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("a function name"), e.getMessage());
  }

  @Test
  void keyThatDoesNotApplyToTheOp() throws IOException {
    LockModelException e = failLoading("primitives:\n  - {call: u, op: release, lock: arg0, mode: write}\n");
    assertEquals(2, e.line());
    assertEquals(40, e.column());
    assertEquals(
        "key 'mode' does not apply to op 'release' (allowed: call, class, field, irqs, kind, lock, op, subclass)",
        e.getMessage());
  }

  @Test
  void aCallThatNeverReturnsTakesNoLock() throws IOException {
    LockModelException e = failLoading("primitives:\n  - {call: die, op: no-return, lock: arg0}\n");
    assertEquals("key 'lock' does not apply to op 'no-return' (allowed: call, op)", e.getMessage());
  }

  @Test
  void aCallThatReturnsZeroNamesNoLock() throws IOException {
    LockModelException e = failLoading("primitives:\n  - {call: need_seqretry, op: returns-zero, lock: arg0}\n");
    assertEquals("key 'lock' does not apply to op 'returns-zero' (allowed: call, op)", e.getMessage());
  }

  @Test
  void badOpBadStyleBadArg() throws IOException {
    assertEquals(
        "bad op 'aquire' (expected acquire | release | assert-held | may-fault | faults-disable"
            + " | faults-enable | spawn-thread | alloc | reclaim-disable | reclaim-enable | irqs-disable | irqs-enable | softirqs-disable | softirqs-enable | irq-handler | set-class | set-subclass | kernel-iterator | user-iterator | no-return | in-interrupt | in-task | returns-zero)",
        failLoading("primitives:\n  - {call: l, op: aquire}\n").getMessage());
    assertEquals(
        "bad style 'maybe' (expected blocking | try | checked | conditional | iterator | momentary)",
        failLoading("primitives:\n  - {call: l, op: acquire, lock: arg0, kind: mutex, mode: write, style: maybe}\n")
            .getMessage());
    LockModelException arg =
        failLoading("primitives:\n  - {call: l, op: acquire, lock: 0, kind: mutex, mode: write}\n");
    assertEquals("expected argN (arg0, arg1, ...), found the number 0", arg.getMessage());
    assertEquals(2, arg.line());
    assertEquals(34, arg.column());
  }

  @Test
  void acquireNeedsALockKindAndMode() throws IOException {
    assertEquals("op 'acquire' needs 'lock: argN', 'class', or both",
        failLoading("primitives:\n  - {call: l, op: acquire, kind: mutex, mode: write}\n").getMessage());
    assertEquals("a primitive with op 'acquire' needs 'mode'",
        failLoading("primitives:\n  - {call: l, op: acquire, lock: arg0, kind: mutex}\n").getMessage());
    assertEquals("a primitive with op 'acquire' needs 'kind' (mutex, spinlock, rwsem, ...)",
        failLoading("primitives:\n  - {call: l, op: acquire, lock: arg0, mode: write}\n").getMessage());
    assertEquals("a primitive with op 'spawn-thread' needs 'start'",
        failLoading("primitives:\n  - {call: t, op: spawn-thread}\n").getMessage());
    assertEquals("'field' needs 'lock: argN' to apply to",
        failLoading("primitives:\n  - {call: l, op: release, class: c, field: f}\n").getMessage());
  }

  @Test
  void aSubclassSetNeedsTheLockAndTheSubclass() throws IOException {
    assertEquals("a primitive with op 'set-subclass' needs 'subclass'",
        failLoading("primitives:\n  - {call: s, op: set-subclass, lock: arg0}\n").getMessage());
    assertEquals("a primitive with op 'set-subclass' needs 'lock'",
        failLoading("primitives:\n  - {call: s, op: set-subclass, subclass: arg1}\n").getMessage());
    assertEquals("key 'key' does not apply to op 'set-subclass' (allowed: call, field, lock, op, subclass)",
        failLoading("primitives:\n  - {call: s, op: set-subclass, lock: arg0, subclass: arg1, key: arg2}\n").getMessage());
  }

  @Test
  void duplicatesWithinOneFile() throws IOException {
    LockModelException e = failLoading(
        "primitives:\n  - {call: [a, b], op: may-fault}\n  - {call: b, op: faults-disable}\n");
    assertEquals(3, e.line());
    assertEquals(12, e.column());
    assertEquals(
        "'b' is already declared in this file at line 2"
            + " (a later file may override it, the same file may not)",
        e.getMessage());
    LockModelException key = failLoading("constants: {A: 1}\nconstants: {B: 2}\n");
    assertEquals("duplicate key 'constants' (first given at line 1)", key.getMessage());
    assertEquals(2, key.line());
  }

  @Test
  void badValuesElsewhere() throws IOException {
    assertEquals("expected an integer, found the string 'one'",
        failLoading("constants: {SINGLE: one}\n").getMessage());
    assertEquals("expected a list for 'primitives', found a mapping",
        failLoading("primitives: {call: x}\n").getMessage());
    assertEquals("page_fault needs 'handlers'".replace("page_fault", "'page_fault'"),
        failLoading("page_fault:\n  lock: {class: m, kind: rwsem, mode: read}\n").getMessage());
    assertEquals(
        "'fault' is not a struct.member name such as vm_operations_struct.fault",
        failLoading("page_fault:\n  lock: {class: m, kind: rwsem, mode: read}\n  handlers: [fault]\n")
            .getMessage());
    assertEquals("'always' is not 'recursive' or 'non-recursive'",
        failLoading("options: {rwlock_read: always}\n").getMessage());
  }

  @Test
  void fileSystemsSection() throws IOException {
    assertEquals("'file_systems' needs 'under'",
        failLoading("file_systems: {definition: file_system_type}\n").getMessage());
    assertEquals("unknown key 'stacked' in 'file_systems' (allowed: class_keys, definition, files, libraries, stacking, under)",
        failLoading("file_systems: {definition: file_system_type, under: fs, stacked: [overlayfs]}\n").getMessage());
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, stacking: [../up]}\n")
        .getMessage().contains("'../up' is not a directory relative to 'fs'"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, libraries: {kernfs: ../sysfs}}\n")
        .getMessage().contains("'../sysfs' is not a file system's directory relative to 'fs'"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, libraries: [kernfs]}\n")
        .getMessage().contains("'file_systems.libraries'"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, files: {mm/shmem.c: \"tmp fs\"}}\n")
        .getMessage().contains("'tmp fs' is not a file system's name"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, files: {\"/abs/shmem.c\": shmem}}\n")
        .getMessage().contains("is not a source file's path"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, class_keys: {mm/hugetlb.c: \"huge tlb\"}}\n")
        .getMessage().contains("'huge tlb' is not a file system's name"));
    assertTrue(failLoading("file_systems: {definition: file_system_type, under: fs, class_keys: [mm/hugetlb.c]}\n")
        .getMessage().contains("'file_systems.class_keys'"));
  }

  @Test
  void aUserFileSystemsSectionReplacesTheProfiles() throws Exception {
    Path f = Files.writeString(tmp.resolve("lockorder.yaml"),
        "file_systems: {definition: fs_type, under: filesystems, stacking: [union]}\n");
    LockModel m = LockModel.load(List.of("linux"), List.of(f));
    assertEquals(new FileSystemsModel("fs_type", "filesystems", List.of("union")), m.fileSystems());
    assertEquals("file_system_type", LockModel.load(List.of("linux"), List.of()).fileSystems().definition());
    assertEquals(java.util.Map.of("mm/hugetlb.c", "hugetlbfs"), LockModel.load(List.of("linux"), List.of()).fileSystems().classKeys());
    assertEquals(null, LockModel.load(List.of("pthread"), List.of()).fileSystems());
  }
}
