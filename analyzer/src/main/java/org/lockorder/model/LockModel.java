package org.lockorder.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lockorder.ir.Mode;

/**
 * The lock API the analysis knows: which calls acquire, release, assert or fault, which macros
 * define locks, what a page fault does, and named constants. Built from bundled profiles and user
 * config files, later files overriding earlier ones function by function. Immutable.
 */
public final class LockModel {
  private static final List<String> BUNDLED = List.of("linux", "pthread");
  private static final String RESOURCE_DIR = "/org/lockorder/model/profiles/";
  /** Bumped when the meaning of the model changes without its content changing. */
  private static final String FORMAT_VERSION = "lock-model/1";

  private final Map<String, Primitive> primitives;
  private final Map<String, String> definers;
  private final PageFaultModel pageFault;
  private final ReclaimModel reclaim;
  private final FileSystemsModel fileSystems;
  private final Map<String, StubModel> stubs;
  private final Map<String, Long> constants;
  private final Set<String> nonFaulting;
  private final Map<String, String> handoffs;
  private final List<String> sources;
  private final List<Alternative> alternatives;
  private final Set<String> lockWrappers;
  private final String fingerprint;

  private LockModel(
      Map<String, Primitive> primitives,
      Map<String, String> definers,
      PageFaultModel pageFault,
      ReclaimModel reclaim,
      FileSystemsModel fileSystems,
      Map<String, StubModel> stubs,
      Map<String, Long> constants,
      Set<String> nonFaulting,
      Map<String, String> handoffs,
      List<String> sources,
      List<Alternative> alternatives,
      Set<String> lockWrappers) {
    this.primitives = Collections.unmodifiableMap(new TreeMap<>(primitives));
    this.definers = Collections.unmodifiableMap(new TreeMap<>(definers));
    this.pageFault = pageFault;
    this.reclaim = reclaim;
    this.fileSystems = fileSystems;
    this.stubs = Collections.unmodifiableMap(new TreeMap<>(stubs));
    this.constants = Collections.unmodifiableMap(new TreeMap<>(constants));
    this.nonFaulting = Collections.unmodifiableSet(new TreeSet<>(nonFaulting));
    this.handoffs = Collections.unmodifiableMap(new TreeMap<>(handoffs));
    this.sources = List.copyOf(sources);
    this.alternatives = List.copyOf(alternatives);
    this.lockWrappers = Collections.unmodifiableSet(new TreeSet<>(lockWrappers));
    this.fingerprint = computeFingerprint();
  }

  /**
   * Ops slots ({@code address_space_operations.read_folio}) whose methods take over a lock of the
   * named class that their caller holds: whatever their bodies show, a call of one returns
   * without it (the I/O completion drops it), and never leaves one held.
   */
  public Map<String, String> handoffs() {
    return handoffs;
  }

  /** Sources never built together, in model-file order ({@link Alternative}). */
  public List<Alternative> alternatives() {
    return alternatives;
  }

  /**
   * Struct types that only wrap a lock ({@code wait_queue_head}, {@code lockref}, {@code
   * local_lock_t}): their lock member is classed by the member or variable that embeds the
   * struct ({@code eventfd_ctx.wqh}), as lockdep gives each initialisation its own class, not by
   * the wrapper type, which would make every wait queue one lock.
   */
  public Set<String> lockWrappers() {
    return lockWrappers;
  }

  /** Bundled profile names available. */
  public static List<String> bundledProfiles() {
    return BUNDLED;
  }

  /**
   * Loads the named bundled profiles, then each user config file in order (later entries override
   * earlier ones for the same function).
   *
   * @throws LockModelException for an unknown profile or any unusable file, with its position
   */
  public static LockModel load(List<String> profiles, List<Path> configFiles)
      throws LockModelException {
    List<ModelFile> files = new ArrayList<>();
    for (String profile : profiles) {
      files.add(readProfile(profile));
    }
    for (Path path : configFiles) {
      files.add(readConfig(path));
    }
    return merge(files);
  }

  /** Declarations from the same file never collide (the reader rejects that), so order is file order. */
  private static LockModel merge(List<ModelFile> files) {
    Map<String, Primitive> primitives = new TreeMap<>();
    Map<String, String> definers = new TreeMap<>();
    Map<String, Long> constants = new TreeMap<>();
    Set<String> nonFaulting = new TreeSet<>();
    Map<String, String> handoffs = new TreeMap<>();
    PageFaultModel pageFault = null;
    ReclaimModel reclaim = null;
    FileSystemsModel fileSystems = null;
    Map<String, StubModel> stubs = new TreeMap<>();
    boolean rwlockReadRecursive = false;
    List<String> sources = new ArrayList<>();
    List<Alternative> alternatives = new ArrayList<>();
    Set<String> lockWrappers = new TreeSet<>();
    for (ModelFile f : files) {
      alternatives.addAll(f.alternatives());
      lockWrappers.addAll(f.lockWrappers());
      for (Primitive p : f.primitives()) {
        primitives.put(p.function(), p);
        nonFaulting.remove(p.function());
      }
      for (String name : f.nonFaulting()) {
        // Declaring a function non-faulting withdraws whatever an earlier file said about it.
        primitives.remove(name);
        nonFaulting.add(name);
      }
      definers.putAll(f.definers());
      constants.putAll(f.constants());
      if (f.pageFault() != null) {
        pageFault = f.pageFault();
      }
      if (f.reclaim() != null) {
        reclaim = f.reclaim();
      }
      if (f.fileSystems() != null) {
        fileSystems = f.fileSystems();
      }
      stubs.putAll(f.stubs());
      handoffs.putAll(f.handoffs());
      if (f.rwlockReadRecursive() != null) {
        rwlockReadRecursive = f.rwlockReadRecursive();
      }
      sources.add(f.source());
    }
    LockModel model =
        new LockModel(primitives, definers, pageFault, reclaim, fileSystems, stubs, constants, nonFaulting, handoffs, sources,
            alternatives, lockWrappers);
    return rwlockReadRecursive ? model.withRecursiveRwlockReaders() : model;
  }

  private static ModelFile readProfile(String name) throws LockModelException {
    String resource = RESOURCE_DIR + name + ".yaml";
    if (!BUNDLED.contains(name)) {
      throw new LockModelException(
          "profile " + name, 1, 1,
          "unknown lock-model profile '" + name + "' (available: " + String.join(", ", BUNDLED) + ")");
    }
    try (InputStream in = LockModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LockModelException(resource, 1, 1, "bundled profile missing from the build");
      }
      YamlNode root = YamlTreeReader.read(resource.substring(1), in);
      return new ModelFileReader(name + " profile", false).read(root);
    } catch (IOException e) {
      throw new LockModelException(resource, 1, 1, "cannot read bundled profile: " + e.getMessage());
    }
  }

  private static ModelFile readConfig(Path path) throws LockModelException {
    String name = path.toString();
    try (InputStream in = Files.newInputStream(path)) {
      return new ModelFileReader(name, true).read(YamlTreeReader.read(name, in));
    } catch (NoSuchFileException e) {
      throw new LockModelException(name, 1, 1, "lock-model config file not found");
    } catch (IOException e) {
      throw new LockModelException(name, 1, 1, "cannot read lock-model config: " + e.getMessage());
    }
  }

  public Optional<Primitive> primitive(String function) {
    return Optional.ofNullable(primitives.get(function));
  }

  /** Every declared primitive, by function name. */
  public Map<String, Primitive> primitives() {
    return primitives;
  }

  /**
   * The lock kind a lock-defining macro declares: DEFINE_MUTEX -> "mutex", DEFINE_SPINLOCK ->
   * "spinlock", DECLARE_RWSEM -> "rwsem", DEFINE_RWLOCK -> "rwlock", DEFINE_STATIC_PERCPU_RWSEM ->
   * "percpu_rwsem", ...
   */
  public Optional<String> definerKind(String macro) {
    return Optional.ofNullable(definers.get(macro));
  }

  /** Every declared definer macro with its kind. */
  public Map<String, String> definers() {
    return definers;
  }

  /** Null when no loaded profile declares a page-fault handler (pthread alone). */
  public PageFaultModel pageFault() {
    return pageFault;
  }

  /** Null when no model file has a {@code file_systems} section: ops calls are then not confined. */
  public FileSystemsModel fileSystems() {
    return fileSystems;
  }

  /** Null when no loaded profile declares what reclaim does (pthread alone). */
  public ReclaimModel reclaim() {
    return reclaim;
  }

  /** Stand-ins for functions outside the analyzed code, by name. */
  public Map<String, StubModel> stubs() {
    return stubs;
  }

  /** Constants the model knows, e.g. SINGLE_DEPTH_NESTING = 1, I_MUTEX_PARENT = 1. */
  public Map<String, Long> constants() {
    return constants;
  }

  /**
   * Functions declared never to fault (copy_page_from_iter_atomic, copy_from_user_nofault, ...).
   * Informational: an undeclared call does not fault either, but this records that the choice
   * was deliberate.
   */
  public Set<String> nonFaulting() {
    return nonFaulting;
  }

  /** Where the model came from, in load order: "linux profile", "gfs2/lockorder.yaml". */
  public List<String> sources() {
    return sources;
  }

  /**
   * This model with every read acquisition and read assertion of kind {@code rwlock} made a
   * recursive read. The kernel's locking selftests run with {@code force_read_lock_recursive};
   * translations of them need this. The default (non-recursive) matches process-context
   * read_lock on queued-rwlock kernels such as x86 and arm64.
   */
  public LockModel withRecursiveRwlockReaders() {
    Map<String, Primitive> changed = new TreeMap<>(primitives);
    for (Primitive p : primitives.values()) {
      if ("rwlock".equals(p.kind()) && p.mode() == Mode.READ) {
        changed.put(p.function(), p.withMode(Mode.RECURSIVE_READ));
      }
    }
    List<String> newSources = new ArrayList<>(sources);
    newSources.add("option: rwlock readers recursive");
    return new LockModel(changed, definers, pageFault, reclaim, fileSystems, stubs, constants, nonFaulting, handoffs, newSources,
        alternatives, lockWrappers);
  }

  /** A stable fingerprint of everything loaded (for caches); origins and file names do not count. */
  public String fingerprint() {
    return fingerprint;
  }

  private String computeFingerprint() {
    StringBuilder text = new StringBuilder(FORMAT_VERSION).append('\n');
    for (Primitive p : primitives.values()) {
      text.append("primitive ").append(p.function()).append(' ').append(p.op())
          .append(' ').append(p.lockArg()).append(' ').append(p.lockField())
          .append(' ').append(p.lockClass()).append(' ').append(p.kind())
          .append(' ').append(p.mode()).append(' ').append(p.style())
          .append(' ').append(p.subclassArg()).append(' ').append(p.startRoutineArg())
          .append(' ').append(p.irqs()).append(' ').append(p.gfpArg()).append(' ').append(p.handlerArg())
          .append(' ').append(p.context()).append(' ').append(p.keyArg()).append(' ').append(p.nestArg()).append(' ').append(p.faultLockHeld())
          .append(' ').append(p.iteratorArg()).append(' ').append(p.trylockArg()).append(' ').append(p.nameArg()).append('\n');
    }
    definers.forEach((k, v) -> text.append("definer ").append(k).append(' ').append(v).append('\n'));
    constants.forEach((k, v) -> text.append("constant ").append(k).append(' ').append(v).append('\n'));
    handoffs.forEach((k, v) -> text.append("handoff ").append(k).append(' ').append(v).append('\n'));
    alternatives.forEach(a -> text.append("alternative ").append(a.keep()).append(' ').append(a.drop()).append('\n'));
    nonFaulting.forEach(n -> text.append("non-faulting ").append(n).append('\n'));
    lockWrappers.forEach(w -> text.append("lock-wrapper ").append(w).append('\n'));
    if (pageFault != null) {
      text.append("page-fault ").append(pageFault.lockClass()).append(' ').append(pageFault.kind())
          .append(' ').append(pageFault.mode()).append(' ').append(pageFault.handlerFields()).append('\n');
    }
    if (reclaim != null) {
      text.append("reclaim ").append(reclaim.lockClass()).append(' ').append(reclaim.kind())
          .append(' ').append(reclaim.mode()).append(' ').append(reclaim.handlerFields())
          .append(' ').append(new TreeSet<>(reclaim.reclaimFlags()))
          .append(' ').append(new TreeSet<>(reclaim.noReclaimFlags())).append('\n');
    }
    if (fileSystems != null) text.append("file-systems ").append(fileSystems).append('\n');
    stubs.values().forEach(st -> text.append("stub ").append(st).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "LockModel" + sources + " " + primitives.size() + " primitives";
  }
}
