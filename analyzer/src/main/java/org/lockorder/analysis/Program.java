package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lockorder.ir.CType;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Function;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.Prototype;
import org.lockorder.ir.StructDef;
import org.lockorder.ir.TranslationUnit;

/**
 * The analyzed program: every translation unit's declarations merged into lookup tables. Static
 * functions of the same name in different files stay apart; a call prefers the caller's file,
 * then the global definition nearest to it in the directory tree.
 */
public final class Program {
  private final List<Function> functions = new ArrayList<>();
  private final Map<String, List<Function>> functionsByName = new HashMap<>();
  private final Map<String, Prototype> prototypes = new HashMap<>();
  private final Map<String, StructDef> structs = new HashMap<>();
  private final Map<String, CType> typedefs = new HashMap<>();
  private final Map<String, GlobalVar> globals = new HashMap<>();
  private final List<FieldInit> fieldInits = new ArrayList<>();
  private final Map<String, Long> constants = new HashMap<>();
  /** By file: the enum constants it declares (a name may mean another value in another file). */
  private final Map<String, Map<String, Long>> enumsByFile = new HashMap<>();
  /**
   * The enum constants headers declare, for every file: {@code enum ttu_flags} in
   * include/linux/rmap.h gives {@code TTU_RMAP_LOCKED} the value mm/huge_memory.c passes. A name
   * two headers give different values is left out: which one a file sees depends on what it
   * includes, which the analysis does not follow.
   */
  private final Map<String, Long> headerEnums = new HashMap<>();
  private final java.util.Set<String> ambiguousHeaderEnums = new java.util.HashSet<>();

  /** Merges units in the given order; callers pass them sorted by path for determinism. */
  public Program(List<TranslationUnit> units, Map<String, Long> modelConstants) {
    constants.putAll(modelConstants);
    Map<String, List<StructDef>> definitions = new java.util.HashMap<>(); // every one of each tag, in unit order
    for (TranslationUnit tu : units) {
      for (Function f : tu.functions()) {
        functions.add(f);
        functionsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
      }
      for (Prototype p : tu.prototypes()) prototypes.putIfAbsent(p.name(), p);
      for (StructDef s : tu.structs()) {
        StructDef old = structs.get(s.tag());
        if (old == null || old.fields().size() < s.fields().size()) structs.put(s.tag(), s);
        definitions.computeIfAbsent(s.tag(), k -> new ArrayList<>()).add(s);
      }
      new TreeMap<>(tu.typedefs()).forEach(typedefs::putIfAbsent);
      for (GlobalVar g : tu.globals()) globals.putIfAbsent(g.name(), g);
      fieldInits.addAll(tu.fieldInits());
      new TreeMap<>(tu.enumConstants()).forEach(constants::putIfAbsent);
      if (!tu.enumConstants().isEmpty()) enumsByFile.put(tu.file(), tu.enumConstants());
      if (tu.file().endsWith(".h")) {
        new TreeMap<>(tu.enumConstants()).forEach((name, value) -> {
          if (ambiguousHeaderEnums.contains(name)) return;
          Long other = headerEnums.putIfAbsent(name, value);
          if (other != null && !other.equals(value)) {
            headerEnums.remove(name);
            ambiguousHeaderEnums.add(name);
          }
        });
      }
    }
    definitions.forEach((tag, defs) -> {
      if (defs.size() > 1) structs.put(tag, merged(structs.get(tag), defs));
    });
    functions.sort(Comparator.comparing((Function f) -> f.location()));
  }

  /**
   * A struct defined more than once ({@code struct kmem_cache} in slab_def.h, slub_def.h and
   * mm/slab.h, one per allocator): the largest definition, with the members only the others
   * declare added after its own, so that {@code s->cpu_slab} is typed whichever allocator's
   * definition is the largest.
   */
  private static StructDef merged(StructDef largest, List<StructDef> defs) {
    Map<String, org.lockorder.ir.CType> fields = new java.util.LinkedHashMap<>(largest.fields());
    for (StructDef d : defs) d.fields().forEach(fields::putIfAbsent);
    return new StructDef(largest.tag(), largest.union(), fields, largest.location());
  }

  /** All function definitions, sorted by location. */
  public List<Function> functions() {
    return functions;
  }

  /**
   * The definition a call from {@code callerFile} to {@code name} reaches, or null: the caller's
   * file's own; else, of the global definitions, the one whose directory shares the longest
   * prefix with the caller's (the first in path order on a tie). Kernel modules are directories,
   * and two modules may each define a global function of one name: fs/hfsplus renames its
   * {@code hfs_find_init} to {@code hfsplus_find_init} with a macro, so that hfs and hfsplus
   * link together, and both files still define {@code hfs_find_init} as the analysis reads them.
   */
  public Function resolve(String name, String callerFile) {
    List<Function> defs = functionsByName.get(name);
    if (defs == null) return null;
    Function nearest = null;
    int nearestShared = -1;
    for (Function f : defs) {
      if (f.location().file().equals(callerFile)) return f;
      if (f.isStatic()) continue;
      int shared = callerFile == null ? 0 : sharedDirectories(f.location().file(), callerFile);
      if (shared > nearestShared) {
        nearest = f;
        nearestShared = shared;
      }
    }
    return nearest != null ? nearest : defs.get(0);
  }

  /** How many leading directories the two paths have in common ("fs/hfs/bfind.c", "fs/hfsplus/xattr.c": 1). */
  static int sharedDirectories(String a, String b) {
    int shared = 0;
    for (int i = 0; i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i); i++) {
      if (a.charAt(i) == '/') shared++;
    }
    return shared;
  }

  /**
   * The enum constants a function of {@code file} can read: those declared in the file (at file
   * scope or in a function body), then those of the headers ({@link #headerEnums}). A view: the
   * headers' are not copied per file.
   */
  Map<String, Long> enumConstants(String file) {
    Map<String, Long> own = enumsByFile.getOrDefault(file, Map.of());
    if (headerEnums.isEmpty()) return own;
    if (own.isEmpty()) return allHeaderEnums;
    return enumViews.computeIfAbsent(file, k -> new Layered(own, headerEnums));
  }

  /*
   * One map per file and per function, the same object each time it is asked for: the macro
   * constants' values are kept by the map they were read with (MacroConstants#valueOf).
   */
  private final Map<String, Long> allHeaderEnums = java.util.Collections.unmodifiableMap(headerEnums);
  private final Map<String, Map<String, Long>> enumViews = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<ByReference<Function>, Map<String, Long>> namedByFunction = new java.util.concurrent.ConcurrentHashMap<>();
  /** The macros {@link #namedByFunction} was made with (one set per run); another set's are not kept. */
  private volatile MacroConstants namedWith;

  /**
   * The names {@code f}'s code reads as constants besides the headers' macros: its locals only ever
   * assigned one constant ({@link Function#constantLocals}), then {@link #enumConstants} of its file.
   */
  Map<String, Long> namedConstants(Function f, MacroConstants macros) {
    Map<String, Long> enums = enumConstants(f.location().file());
    if (f.constantLocals().isEmpty()) return enums;
    if (namedWith == null) namedWith = macros;
    if (namedWith != macros) return localConstants(f, macros, enums);
    return namedByFunction.computeIfAbsent(new ByReference<>(f), k -> localConstants(f, macros, enums));
  }

  private static Map<String, Long> localConstants(Function f, MacroConstants macros, Map<String, Long> enums) {
    Map<String, Long> locals = new HashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(f.constantLocals()).entrySet()) {
      Long v = ConditionValue.value(List.of(e.getValue().split(" ")), name -> macros.value(name, enums));
      if (v != null) locals.put(e.getKey(), v);
    }
    return locals.isEmpty() ? enums : new Layered(locals, enums);
  }

  /** A file's own constants over the headers': lookups only, as the constant evaluation makes. */
  static final class Layered extends java.util.AbstractMap<String, Long> {
    private final Map<String, Long> first;
    private final Map<String, Long> then;

    Layered(Map<String, Long> first, Map<String, Long> then) {
      this.first = first;
      this.then = then;
    }

    @Override
    public Long get(Object key) {
      Long v = first.get(key);
      return v != null ? v : then.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return first.containsKey(key) || then.containsKey(key);
    }

    @Override
    public java.util.Set<Map.Entry<String, Long>> entrySet() {
      Map<String, Long> all = new TreeMap<>(then);
      all.putAll(first);
      return java.util.Collections.unmodifiableMap(all).entrySet();
    }
  }

  public boolean isFunction(String name) {
    return functionsByName.containsKey(name) || prototypes.containsKey(name);
  }

  /** The declared return type of a function or prototype, or null. */
  public CType returnType(String name) {
    List<Function> defs = functionsByName.get(name);
    if (defs != null) return defs.get(0).returnType();
    Prototype p = prototypes.get(name);
    return p == null ? null : p.returnType();
  }

  public Prototype prototype(String name) {
    return prototypes.get(name);
  }

  public GlobalVar global(String name) {
    return globals.get(name);
  }

  /** The struct tag a type denotes after following typedefs, or null ("struct inode *" → inode). */
  public String structTag(CType type) {
    CType t = type;
    for (int depth = 0; t != null && depth < 8; depth++) {
      String tag = t.tag();
      if (tag != null) return tag;
      CType next = typedefs.get(t.name());
      if (next == null) return structs.containsKey(t.name()) ? t.name() : null;
      t = next;
    }
    return null;
  }

  /** Whether struct {@code tag} is declared and has no member {@code field}. */
  public boolean lacksMember(String tag, String field) {
    StructDef s = structs.get(tag);
    return s != null && !s.fields().containsKey(field);
  }

  /** The type of {@code field} in struct {@code tag}, or null when either is unknown. */
  public CType fieldType(String tag, String field) {
    StructDef s = structs.get(tag);
    return s == null ? null : s.fields().get(field);
  }

  /** The declared type of a parameter, local or global named {@code name} as seen from {@code fn}. */
  public CType typeOfVariable(String name, Function fn) {
    for (org.lockorder.ir.Param p : fn.params()) if (p.name().equals(name)) return p.type();
    CType local = fn.locals().get(name);
    if (local != null) return local;
    GlobalVar g = globals.get(name);
    return g == null ? null : g.type();
  }

  /**
   * The struct tag owning the last member of {@code path} ("inode->i_mapping->private_lock" →
   * "address_space"), walking declared types; null when a step is unknown.
   */
  public String ownerTag(org.lockorder.ir.AccessPath path, Function fn) {
    CType root = null;
    if (path.root() instanceof org.lockorder.ir.AccessPath.Var v) root = typeOfVariable(v.name(), fn);
    else if (path.root() instanceof org.lockorder.ir.AccessPath.CallResult c) root = returnType(c.function());
    String tag = root == null ? null : structTag(root);
    List<String> fields = path.fields();
    for (int i = 0; i < fields.size() - 1 && tag != null; i++) {
      CType ft = fieldType(tag, fields.get(i));
      tag = ft == null ? null : structTag(ft);
    }
    return tag;
  }

  public List<FieldInit> fieldInits() {
    return fieldInits;
  }

  /** Integer constants: enum values from the program, then the lock model's. */
  public Long constant(String name) {
    return constants.get(name);
  }
}
