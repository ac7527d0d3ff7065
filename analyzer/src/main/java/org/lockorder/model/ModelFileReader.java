package org.lockorder.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;
import org.lockorder.model.YamlNode.Entry;
import org.lockorder.model.YamlNode.Mapping;
import org.lockorder.model.YamlNode.Position;
import org.lockorder.model.YamlNode.Scalar;
import org.lockorder.model.YamlNode.ScalarType;
import org.lockorder.model.YamlNode.Sequence;

/** Turns the YAML tree of one lock-model file into a {@link ModelFile}, checking every key. */
final class ModelFileReader {
  static final Set<String> TOP_KEYS =
      Set.of("primitives", "definers", "page_fault", "constants", "non_faulting", "options",
          "reclaim", "stubs", "file_systems", "handoffs", "alternatives", "lock_wrappers");
  static final Set<String> FILE_SYSTEMS_KEYS = Set.of("definition", "under", "stacking", "libraries", "files", "class_keys");
  static final Set<String> RECLAIM_KEYS = Set.of("lock", "handlers", "gfp_reclaim", "gfp_no_reclaim", "entries");
  static final Set<String> STUB_KEYS = Set.of("lock", "calls");
  static final Set<String> OPTION_KEYS = Set.of("rwlock_read");
  static final Set<String> PAGE_FAULT_KEYS = Set.of("lock", "handlers");
  static final Set<String> PAGE_FAULT_LOCK_KEYS = Set.of("class", "kind", "mode");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern IDENTIFIER_OR_DASH = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
  private static final Pattern ARG = Pattern.compile("arg(0|[1-9][0-9]?)");
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.#\\-]*");
  private static final Pattern HANDLER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\\-]*)*");

  private final String source;
  private final boolean originWithLine;

  /**
   * @param source the name used in {@link LockModel#sources()} and in origins
   * @param originWithLine whether origins carry the line ("gfs2/lockorder.yaml:12"); bundled
   *     profiles say just "linux profile"
   */
  ModelFileReader(String source, boolean originWithLine) {
    this.source = source;
    this.originWithLine = originWithLine;
  }

  ModelFile read(YamlNode root) throws LockModelException {
    Mapping top = mapping(root, "the top level of a lock-model file");
    checkKeys(top, TOP_KEYS, "at the top level");
    List<Primitive> primitives = new ArrayList<>();
    Map<String, Position> declaredAt = new HashMap<>();
    Entry e = top.entries().get("primitives");
    if (e != null) {
      for (YamlNode item : sequence(e.value(), "'primitives'").items()) {
        primitives.addAll(primitive(item, declaredAt));
      }
    }
    List<String> nonFaulting = new ArrayList<>();
    e = top.entries().get("non_faulting");
    if (e != null) {
      for (YamlNode item : sequence(e.value(), "'non_faulting'").items()) {
        String name = string(item, IDENTIFIER, "a function name");
        claim(name, item.position(), declaredAt);
        nonFaulting.add(name);
      }
    }
    Map<String, String> definers = new LinkedHashMap<>();
    e = top.entries().get("definers");
    if (e != null) {
      for (Entry d : mapping(e.value(), "'definers'").entries().values()) {
        requireMatch(d.key(), d.keyPosition(), IDENTIFIER, "a macro name");
        definers.put(d.key(), string(d.value(), IDENTIFIER, "a lock kind"));
      }
    }
    Map<String, Long> constants = new LinkedHashMap<>();
    e = top.entries().get("constants");
    if (e != null) {
      for (Entry c : mapping(e.value(), "'constants'").entries().values()) {
        requireMatch(c.key(), c.keyPosition(), IDENTIFIER, "a constant name");
        constants.put(c.key(), integer(c.value()));
      }
    }
    e = top.entries().get("page_fault");
    PageFaultModel pageFault = e == null ? null : pageFault(e.value());
    e = top.entries().get("reclaim");
    ReclaimModel reclaim = e == null ? null : reclaim(e.value());
    Map<String, StubModel> stubs = new LinkedHashMap<>();
    e = top.entries().get("stubs");
    if (e != null) {
      for (Entry st : mapping(e.value(), "'stubs'").entries().values()) {
        requireMatch(st.key(), st.keyPosition(), IDENTIFIER, "a function name");
        stubs.put(st.key(), stub(st.key(), st.value()));
      }
    }
    e = top.entries().get("file_systems");
    FileSystemsModel fileSystems = e == null ? null : fileSystems(e.value());
    e = top.entries().get("options");
    Boolean rwlockReadRecursive = e == null ? null : rwlockReadOption(e.value());
    Map<String, String> handoffs = new LinkedHashMap<>();
    e = top.entries().get("handoffs");
    if (e != null) {
      for (Entry h : mapping(e.value(), "'handoffs'").entries().values()) {
        requireMatch(h.key(), h.keyPosition(), HANDLER, "an ops slot as struct.field");
        handoffs.put(h.key(), string(h.value(), CLASS_NAME, "a lock class name"));
      }
    }
    List<Alternative> alternatives = new ArrayList<>();
    e = top.entries().get("alternatives");
    if (e != null) {
      for (YamlNode item : sequence(e.value(), "'alternatives'").items()) alternatives.add(alternative(item));
    }
    List<String> lockWrappers = new ArrayList<>();
    e = top.entries().get("lock_wrappers");
    if (e != null) {
      for (YamlNode item : sequence(e.value(), "'lock_wrappers'").items()) {
        lockWrappers.add(string(item, IDENTIFIER, "a struct tag or typedef name"));
      }
    }
    return new ModelFile(
        source, primitives, definers, pageFault, constants, nonFaulting, rwlockReadRecursive,
        reclaim, stubs, fileSystems, handoffs, alternatives, lockWrappers);
  }

  private static final java.util.regex.Pattern SOURCE_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*");

  /** {@code {keep: mm/slub.c, drop: [mm/slab.c, mm/slob.c]}}: see {@link Alternative}. */
  private Alternative alternative(YamlNode node) throws LockModelException {
    Mapping m = mapping(node, "an entry of 'alternatives'");
    checkKeys(m, Set.of("keep", "drop"), "in an entry of 'alternatives'");
    String keep = string(require(m, "keep", "an entry of 'alternatives'").value(), SOURCE_PATH, "a source path such as mm/slub.c");
    List<String> drop = new ArrayList<>();
    for (YamlNode d : sequence(require(m, "drop", "an entry of 'alternatives'").value(), "'drop'").items()) {
      drop.add(string(d, SOURCE_PATH, "a source path such as mm/slab.c"));
    }
    return new Alternative(keep, drop);
  }

  /**
   * {@code file_systems: {definition: file_system_type, under: fs, stacking: [overlayfs, ...],
   * libraries: {kernfs: sysfs}, files: {mm/shmem.c: tmpfs}, class_keys: {mm/hugetlb.c: hugetlbfs}}}:
   * see {@link FileSystemsModel}.
   */
  private static FileSystemsModel fileSystems(YamlNode node) throws LockModelException {
    Mapping m = mapping(node, "'file_systems'");
    checkKeys(m, FILE_SYSTEMS_KEYS, "in 'file_systems'");
    String definition = string(require(m, "definition", "'file_systems'").value(), IDENTIFIER, "a struct type name");
    String under = string(require(m, "under", "'file_systems'").value(), DIRECTORY, "a directory name");
    List<String> stacking = new ArrayList<>();
    Entry e = m.entries().get("stacking");
    if (e != null) {
      for (YamlNode item : sequence(e.value(), "'file_systems.stacking'").items()) {
        stacking.add(string(item, DIRECTORY, "a directory relative to '" + under + "'"));
      }
    }
    java.util.Map<String, String> libraries = new java.util.TreeMap<>();
    e = m.entries().get("libraries");
    if (e != null) {
      for (Entry lib : mapping(e.value(), "'file_systems.libraries'").entries().values()) {
        requireMatch(lib.key(), lib.keyPosition(), DIRECTORY, "a directory relative to '" + under + "'");
        libraries.put(lib.key(), string(lib.value(), DIRECTORY, "a file system's directory relative to '" + under + "'"));
      }
    }
    return new FileSystemsModel(definition, under, stacking, libraries, filesToNames(m, "files"), filesToNames(m, "class_keys"));
  }

  /** {@code file_systems.files} and {@code .class_keys}: source file path to a file system's name. */
  private static java.util.Map<String, String> filesToNames(Mapping m, String key) throws LockModelException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    Entry e = m.entries().get(key);
    if (e == null) return out;
    for (Entry file : mapping(e.value(), "'file_systems." + key + "'").entries().values()) {
      requireMatch(file.key(), file.keyPosition(), SOURCE_PATH, "a source file's path");
      out.put(file.key(), string(file.value(), DIRECTORY, "a file system's name"));
    }
    return out;
  }

  /**
   * {@code options: {rwlock_read: recursive}} makes every rwlock_t reader a recursive reader, as
   * lib/locking-selftest.c forces; {@code non-recursive} is the queued-rwlock default.
   */
  private static Boolean rwlockReadOption(YamlNode node) throws LockModelException {
    Mapping m = mapping(node, "'options'");
    checkKeys(m, OPTION_KEYS, "in 'options'");
    Entry e = m.entries().get("rwlock_read");
    if (e == null) {
      return null;
    }
    String value = string(e.value(), IDENTIFIER_OR_DASH, "'recursive' or 'non-recursive'");
    return switch (value) {
      case "recursive" -> Boolean.TRUE;
      case "non-recursive" -> Boolean.FALSE;
      default -> throw e.value().position().error(
          "'" + value + "' is not 'recursive' or 'non-recursive'");
    };
  }

  /** One entry of 'primitives'; {@code call} may name one function or a list of them. */
  private List<Primitive> primitive(YamlNode node, Map<String, Position> declaredAt)
      throws LockModelException {
    Mapping m = mapping(node, "an entry of 'primitives'");
    checkKeys(m, PrimitiveKeys.ALL, "in a primitive");
    Entry callEntry = require(m, "call", "a primitive");
    Entry opEntry = require(m, "op", "a primitive");
    Op op = PrimitiveKeys.op(opEntry.value());
    Set<String> allowed = PrimitiveKeys.allowed(op);
    for (Entry k : m.entries().values()) {
      if (!allowed.contains(k.key())) {
        throw k.keyPosition()
            .error(
                "key '"
                    + k.key()
                    + "' does not apply to op '"
                    + PrimitiveKeys.opName(op)
                    + "' (allowed: "
                    + String.join(", ", new TreeSet<>(allowed))
                    + ")");
      }
    }
    int lockArg = argIndex(m, "lock");
    String field = optionalString(m, "field", IDENTIFIER, "a struct member name");
    String lockClass = optionalString(m, "class", CLASS_NAME, "a lock class name");
    String kind = optionalString(m, "kind", IDENTIFIER, "a lock kind");
    if (field != null && lockArg < 0) {
      throw m.entries().get("field").keyPosition().error("'field' needs 'lock: argN' to apply to");
    }
    boolean takesLock = op == Op.ACQUIRE || op == Op.RELEASE || op == Op.ASSERT_HELD;
    if (takesLock && lockArg < 0 && lockClass == null) {
      throw m.position().error("op '" + PrimitiveKeys.opName(op) + "' needs 'lock: argN', 'class', or both");
    }
    Mode mode = null;
    if (op == Op.ACQUIRE || op == Op.ASSERT_HELD) {
      mode = PrimitiveKeys.mode(require(m, "mode", "a primitive with op '" + PrimitiveKeys.opName(op) + "'").value());
    }
    if (op == Op.ACQUIRE && kind == null) {
      throw m.position().error("a primitive with op 'acquire' needs 'kind' (mutex, spinlock, rwsem, ...)");
    }
    AcquireStyle style = null;
    if (op == Op.ACQUIRE) {
      Entry s = m.entries().get("style");
      style = s == null ? AcquireStyle.BLOCKING : PrimitiveKeys.style(s.value());
    }
    int subclassArg = argIndex(m, "subclass");
    int startArg = -1;
    if (op == Op.SPAWN_THREAD) {
      require(m, "start", "a primitive with op 'spawn-thread'");
      startArg = argIndex(m, "start");
    }
    Entry irqsEntry = m.entries().get("irqs");
    IrqLevel irqs = irqsEntry == null ? null : PrimitiveKeys.irqLevel(irqsEntry.value(), "irqs");
    int gfpArg = argIndex(m, "gfp");
    int handlerArg = -1;
    IrqLevel context = null;
    if (op == Op.IRQ_HANDLER) {
      require(m, "handler", "a primitive with op 'irq-handler'");
      handlerArg = argIndex(m, "handler");
      context = PrimitiveKeys.irqLevel(require(m, "context", "a primitive with op 'irq-handler'").value(), "context");
    }
    int iteratorArg = argIndex(m, "iterator");
    if ((op == Op.KERNEL_ITERATOR || op == Op.USER_ITERATOR) && iteratorArg < 0) {
      throw m.position().error("a primitive with op '" + PrimitiveKeys.opName(op) + "' needs 'iterator: argN'");
    }
    if (op == Op.SET_SUBCLASS) {
      require(m, "lock", "a primitive with op 'set-subclass'");
      require(m, "subclass", "a primitive with op 'set-subclass'");
    }
    int keyArg = -1;
    if (op == Op.SET_CLASS) {
      require(m, "lock", "a primitive with op 'set-class'");
      require(m, "key", "a primitive with op 'set-class'");
      keyArg = argIndex(m, "key");
    }
    List<Primitive> out = new ArrayList<>();
    for (Scalar call : calls(callEntry.value())) {
      String function = call.text();
      claim(function, call.position(), declaredAt);
      String origin = originWithLine ? source + ":" + call.position().line() : source;
      out.add(
          new Primitive(
              function, op, lockArg, field, lockClass, kind, mode, style, subclassArg, startArg, origin,
              irqs, gfpArg, handlerArg, context, keyArg, argIndex(m, "nest"), flag(m, "lock_held"), iteratorArg,
              argIndex(m, "trylock"), argIndex(m, "name")));
    }
    return out;
  }

  private PageFaultModel pageFault(YamlNode node) throws LockModelException {
    Mapping m = mapping(node, "'page_fault'");
    checkKeys(m, PAGE_FAULT_KEYS, "in 'page_fault'");
    LockSpec lock = lockSpec(require(m, "lock", "'page_fault'").value(), "'page_fault.lock'");
    List<String> fields = slots(require(m, "handlers", "'page_fault'").value(), "'page_fault.handlers'");
    return new PageFaultModel(lock.lockClass(), lock.kind(), lock.mode(), fields);
  }

  private ReclaimModel reclaim(YamlNode node) throws LockModelException {
    Mapping m = mapping(node, "'reclaim'");
    checkKeys(m, RECLAIM_KEYS, "in 'reclaim'");
    LockSpec lock = lockSpec(require(m, "lock", "'reclaim'").value(), "'reclaim.lock'");
    List<String> fields = slots(require(m, "handlers", "'reclaim'").value(), "'reclaim.handlers'");
    return new ReclaimModel(
        lock.lockClass(), lock.kind(), lock.mode(), fields,
        names(m.entries().get("gfp_reclaim"), "'reclaim.gfp_reclaim'", "a flag name"),
        names(m.entries().get("gfp_no_reclaim"), "'reclaim.gfp_no_reclaim'", "a flag name"),
        List.copyOf(names(m.entries().get("entries"), "'reclaim.entries'", "a function name")));
  }

  private StubModel stub(String name, YamlNode node) throws LockModelException {
    String where = "'stubs." + name + "'";
    Mapping m = mapping(node, where);
    checkKeys(m, STUB_KEYS, "in " + where);
    Entry lockEntry = m.entries().get("lock");
    LockSpec lock = lockEntry == null ? null : lockSpec(lockEntry.value(), where + ".lock");
    List<String> calls = slots(require(m, "calls", where).value(), where + ".calls");
    return lock == null
        ? new StubModel(name, null, null, null, calls)
        : new StubModel(name, lock.lockClass(), lock.kind(), lock.mode(), calls);
  }

  private record LockSpec(String lockClass, String kind, Mode mode) {}

  private static LockSpec lockSpec(YamlNode node, String where) throws LockModelException {
    Mapping lock = mapping(node, where);
    checkKeys(lock, PAGE_FAULT_LOCK_KEYS, "in " + where);
    String lockClass = string(require(lock, "class", where).value(), CLASS_NAME, "a lock class name");
    String kind = string(require(lock, "kind", where).value(), IDENTIFIER, "a lock kind");
    Mode mode = PrimitiveKeys.mode(require(lock, "mode", where).value());
    return new LockSpec(lockClass, kind, mode);
  }

  /** A non-empty list of "struct.member" slots. */
  private static List<String> slots(YamlNode node, String where) throws LockModelException {
    Sequence handlers = sequence(node, where);
    List<String> fields = new ArrayList<>();
    for (YamlNode h : handlers.items()) {
      fields.add(string(h, HANDLER, "a struct.member name such as vm_operations_struct.fault"));
    }
    if (fields.isEmpty()) {
      throw handlers.position().error(where + " must name at least one struct.member");
    }
    return fields;
  }

  /** The identifiers listed in {@code e}, in order, once each; {@code what} names one in errors. */
  private static Set<String> names(Entry e, String where, String what) throws LockModelException {
    Set<String> out = new java.util.LinkedHashSet<>();
    if (e == null) return out;
    for (YamlNode item : sequence(e.value(), where).items()) {
      out.add(string(item, IDENTIFIER, what));
    }
    return out;
  }

  private List<Scalar> calls(YamlNode node) throws LockModelException {
    List<Scalar> out = new ArrayList<>();
    if (node instanceof Sequence s) {
      if (s.items().isEmpty()) {
        throw s.position().error("'call' lists no function");
      }
      for (YamlNode item : s.items()) {
        string(item, IDENTIFIER, "a function name");
        out.add((Scalar) item);
      }
    } else {
      string(node, IDENTIFIER, "a function name or a list of function names");
      out.add((Scalar) node);
    }
    return out;
  }

  /** Within one file a function is declared once; overriding is what later files are for. */
  private static void claim(String function, Position at, Map<String, Position> declaredAt)
      throws LockModelException {
    Position previous = declaredAt.putIfAbsent(function, at);
    if (previous != null) {
      throw at.error(
          "'" + function + "' is already declared in this file at line " + previous.line()
              + " (a later file may override it, the same file may not)");
    }
  }

  static void checkKeys(Mapping m, Set<String> allowed, String where) throws LockModelException {
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw e.keyPosition()
            .error(
                "unknown key '" + e.key() + "' " + where + " (allowed: "
                    + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  static Entry require(Mapping m, String key, String what) throws LockModelException {
    Entry e = m.entries().get(key);
    if (e == null) {
      throw m.position().error(what + " needs '" + key + "'");
    }
    if (e.value() instanceof Scalar s && s.type() == ScalarType.NULL) {
      throw e.value().position().error("'" + key + "' has no value");
    }
    return e;
  }

  private static boolean flag(Mapping m, String key) throws LockModelException {
    Entry e = m.entries().get(key);
    if (e == null) return false;
    if (e.value() instanceof Scalar s && (s.text().equals("true") || s.text().equals("false"))) {
      return s.text().equals("true");
    }
    throw e.value().position().error("expected true or false, found " + e.value().describe());
  }

  private static int argIndex(Mapping m, String key) throws LockModelException {
    Entry e = m.entries().get(key);
    if (e == null) {
      return -1;
    }
    String text = string(e.value(), ARG, "argN (arg0, arg1, ...)");
    return Integer.parseInt(text.substring(3));
  }

  private static String optionalString(Mapping m, String key, Pattern shape, String what)
      throws LockModelException {
    Entry e = m.entries().get(key);
    return e == null ? null : string(e.value(), shape, what);
  }

  static String string(YamlNode node, Pattern shape, String what) throws LockModelException {
    if (!(node instanceof Scalar s) || s.type() != ScalarType.STRING) {
      throw node.position().error("expected " + what + ", found " + node.describe());
    }
    requireMatch(s.text(), s.position(), shape, what);
    return s.text();
  }

  private static void requireMatch(String text, Position at, Pattern shape, String what)
      throws LockModelException {
    if (!shape.matcher(text).matches()) {
      throw at.error("'" + text + "' is not " + what);
    }
  }

  private static long integer(YamlNode node) throws LockModelException {
    if (node instanceof Scalar s && s.type() == ScalarType.INTEGER) {
      try {
        return Long.decode(s.text().replace("_", ""));
      } catch (NumberFormatException ex) {
        throw s.position().error("'" + s.text() + "' does not fit in a 64-bit integer");
      }
    }
    throw node.position().error("expected an integer, found " + node.describe());
  }

  static Mapping mapping(YamlNode node, String what) throws LockModelException {
    if (node instanceof Mapping m) {
      return m;
    }
    throw node.position().error("expected a mapping for " + what + ", found " + node.describe());
  }

  private static Sequence sequence(YamlNode node, String what) throws LockModelException {
    if (node instanceof Sequence s) {
      return s;
    }
    throw node.position().error("expected a list for " + what + ", found " + node.describe());
  }
}
