package org.lockorder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Mode;

/** User config files: loading, overriding bundled profiles, and the fingerprint. */
class UserConfigTest {
  @TempDir Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(UserConfigTest.class.getResource("/model/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(tmp.resolve(name), yaml);
  }

  @Test
  void gfs2Glocks() throws LockModelException {
    Path config = resource("gfs2/lockorder.yaml");
    LockModel m = LockModel.load(List.of("linux"), List.of(config));
    Primitive nq = m.primitive("gfs2_glock_nq").orElseThrow();
    assertEquals(Op.ACQUIRE, nq.op());
    assertEquals(0, nq.lockArg());
    assertEquals("gfs2_glock", nq.lockClass());
    assertEquals("glock", nq.kind());
    assertEquals(Mode.WRITE, nq.mode());
    assertEquals(AcquireStyle.BLOCKING, nq.style(), "style defaults to blocking");
    assertEquals(config + ":3", nq.origin());
    Primitive dq = m.primitive("gfs2_glock_dq").orElseThrow();
    assertEquals(Op.RELEASE, dq.op());
    assertEquals("gfs2_glock", dq.lockClass());
    assertNull(dq.kind());
    assertNull(dq.mode());
    assertNull(dq.style());
    assertEquals(List.of("linux profile", config.toString()), m.sources());
    assertTrue(m.primitive("mutex_lock").isPresent(), "the profile is still there");
  }

  @Test
  void laterFilesOverrideEarlierOnesFunctionByFunction() throws LockModelException {
    LockModel m =
        LockModel.load(List.of("linux", "pthread"), List.of(resource("override.yaml")));
    assertEquals(Mode.READ, m.primitive("pthread_rwlock_rdlock").orElseThrow().mode());
    Primitive tryRd = m.primitive("pthread_rwlock_tryrdlock").orElseThrow();
    assertEquals(Mode.READ, tryRd.mode());
    assertEquals(AcquireStyle.TRY, tryRd.style(), "an override replaces the whole entry");
    assertEquals(
        Mode.RECURSIVE_READ, m.primitive("pthread_rwlock_timedrdlock").orElseThrow().mode(),
        "functions the config does not name keep the profile's entry");
    assertTrue(m.primitive("copy_to_user").isEmpty(), "non_faulting withdraws may-fault");
    assertTrue(m.nonFaulting().contains("copy_to_user"));
    assertEquals(Op.MAY_FAULT, m.primitive("copy_from_user").orElseThrow().op());
    assertEquals(7L, m.constants().get("SINGLE_DEPTH_NESTING"));
    assertEquals(16L, m.constants().get("MY_SUBCLASS"));
    assertEquals(1L, m.constants().get("I_MUTEX_PARENT"));
    assertEquals("mutex", m.definerKind("DEFINE_MY_LOCK").orElseThrow());
    assertEquals("mutex", m.definerKind("DEFINE_MUTEX").orElseThrow());
  }

  @Test
  void lockdepAnnotationKeys() throws Exception {
    Path a = write("annotations.yaml", """
        primitives:
          - {call: my_acquire, op: acquire, lock: arg0, kind: lockdep_map, mode: read, subclass: arg1, trylock: arg2}
          - {call: my_release, op: release, lock: arg0, subclass: arg1}
          - {call: my_init_map, op: set-class, lock: arg0, key: arg2, name: arg1}
        """);
    LockModel m = LockModel.load(List.of(), List.of(a));
    Primitive acquire = m.primitive("my_acquire").orElseThrow();
    assertEquals(2, acquire.trylockArg());
    assertEquals(1, acquire.subclassArg());
    assertEquals(1, m.primitive("my_release").orElseThrow().subclassArg());
    Primitive init = m.primitive("my_init_map").orElseThrow();
    assertEquals(2, init.keyArg());
    assertEquals(1, init.nameArg());
    assertEquals(-1, m.primitive("my_release").orElseThrow().trylockArg());
  }

  @Test
  void aLaterPrimitiveRevivesANonFaultingName() throws Exception {
    Path a = write("a.yaml", "non_faulting: [my_copy]\n");
    Path b = write("b.yaml", "primitives:\n  - {call: my_copy, op: may-fault}\n");
    LockModel m = LockModel.load(List.of(), List.of(a, b));
    assertEquals(Op.MAY_FAULT, m.primitive("my_copy").orElseThrow().op());
    assertTrue(m.nonFaulting().isEmpty());
  }

  @Test
  void optionsRwlockReadMakesReadersRecursiveAndALaterFileCanUndoIt() throws Exception {
    Path on = write("on.yaml", "options: {rwlock_read: recursive}\n");
    Path off = write("off.yaml", "options: {rwlock_read: non-recursive}\n");
    LockModel linux = LockModel.load(List.of("linux"), List.of());
    LockModel forced = LockModel.load(List.of("linux"), List.of(on));
    assertEquals(Mode.RECURSIVE_READ, forced.primitive("read_lock").orElseThrow().mode());
    assertEquals(Mode.READ, forced.primitive("down_read").orElseThrow().mode());
    assertEquals(Mode.READ, LockModel.load(List.of("linux"), List.of(on, off))
        .primitive("read_lock").orElseThrow().mode());
    assertTrue(!forced.fingerprint().equals(linux.fingerprint()));
  }

  @Test
  void everyOpCanBeDeclared() throws Exception {
    Path p = write("all.yaml", String.join("\n",
        "primitives:",
        "  - {call: my_lock_nested, op: acquire, lock: arg1, field: lk, kind: mutex, mode: read, subclass: arg2, style: checked}",
        "  - {call: my_assert, op: assert-held, class: my_class, mode: recursive-read}",
        "  - {call: my_copy, op: may-fault}",
        "  - {call: [no_faults, no_faults_either], op: faults-disable}",
        "  - {call: faults_again, op: faults-enable}",
        "  - {call: my_thread_create, op: spawn-thread, start: arg0}",
        "page_fault:",
        "  lock: {class: my_mm.lock, kind: rwsem, mode: write}",
        "  handlers: [my_ops.fault]",
        ""));
    LockModel m = LockModel.load(List.of(), List.of(p));
    Primitive n = m.primitive("my_lock_nested").orElseThrow();
    assertEquals(1, n.lockArg());
    assertEquals("lk", n.lockField());
    assertEquals(2, n.subclassArg());
    assertEquals(AcquireStyle.CHECKED, n.style());
    assertEquals(Mode.READ, n.mode());
    Primitive a = m.primitive("my_assert").orElseThrow();
    assertEquals(-1, a.lockArg());
    assertEquals(Mode.RECURSIVE_READ, a.mode());
    assertEquals(Op.FAULTS_DISABLE, m.primitive("no_faults_either").orElseThrow().op());
    assertEquals(Op.FAULTS_ENABLE, m.primitive("faults_again").orElseThrow().op());
    assertEquals(0, m.primitive("my_thread_create").orElseThrow().startRoutineArg());
    assertEquals(
        new PageFaultModel("my_mm.lock", "rwsem", Mode.WRITE, List.of("my_ops.fault")), m.pageFault());
  }

  @Test
  void emptyConfigIsFine() throws Exception {
    LockModel m = LockModel.load(List.of(), List.of(write("empty.yaml", "# nothing yet\n")));
    assertTrue(m.primitives().isEmpty());
    assertNull(m.pageFault());
  }

  @Test
  void fingerprintIsStableAcrossLoads() throws LockModelException {
    List<Path> configs = List.of(resource("gfs2/lockorder.yaml"));
    String first = LockModel.load(List.of("linux", "pthread"), configs).fingerprint();
    String second = LockModel.load(List.of("linux", "pthread"), configs).fingerprint();
    assertEquals(first, second);
    assertTrue(first.matches("[0-9a-f]{64}"), first);
  }

  @Test
  void fingerprintDependsOnContentNotOnFileNamesOrLines() throws Exception {
    Path a = write("a.yaml", "primitives:\n  - {call: x_lock, op: acquire, lock: arg0, kind: mutex, mode: write}\n");
    Path b = write("b.yaml", "# moved down a line\nprimitives:\n  - {call: x_lock, op: acquire, lock: arg0, kind: mutex, mode: write}\n");
    Path c = write("c.yaml", "primitives:\n  - {call: x_lock, op: acquire, lock: arg0, kind: mutex, mode: read}\n");
    String fa = LockModel.load(List.of("linux"), List.of(a)).fingerprint();
    assertEquals(fa, LockModel.load(List.of("linux"), List.of(b)).fingerprint());
    assertNotEquals(fa, LockModel.load(List.of("linux"), List.of(c)).fingerprint());
    assertNotEquals(fa, LockModel.load(List.of("linux"), List.of()).fingerprint());
    assertNotEquals(
        LockModel.load(List.of("linux"), List.of()).fingerprint(),
        LockModel.load(List.of("linux", "pthread"), List.of()).fingerprint());
  }
}
