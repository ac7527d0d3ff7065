package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lockorder.ir.FieldInit;
import org.lockorder.model.FileSystemsModel;

/**
 * The file systems of the analyzed tree (ADR-003), numbered in path order: a directory strictly
 * below one named {@link FileSystemsModel#under} that defines an object of the struct type {@link
 * FileSystemsModel#definition} is a file system, and every file below it belongs to it (the
 * deepest such directory wins); everything else is shared code, but for the files the model
 * names as file systems of their own ({@link FileSystemsModel#files}: tmpfs in mm/shmem.c) when
 * they define such an object too. Code in a stacking directory (overlayfs, cachefiles) works on
 * other file systems' objects as well as its own.
 */
final class FileSystems {
  /** Not in any file system: the VFS, mm/, libraries such as fs/jbd2 or fs/iomap. */
  static final int SHARED = -1;

  static final FileSystems NONE = new FileSystems(null, List.of());

  private final FileSystemsModel model;
  /** Directories below {@code under}, as written after it ("ext4", "smb/client"), sorted. */
  private final List<String> names;
  /** By source file as named in locations: asked for every function analyzed. */
  /** Per source file, computed on first use by any of the analysis threads. */
  private final Map<String, Integer> byFile = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Boolean> stackingByFile = new java.util.concurrent.ConcurrentHashMap<>();

  private FileSystems(FileSystemsModel model, List<String> names) {
    this.model = model;
    this.names = List.copyOf(names);
  }

  /** The file systems the program's initializers define; {@link #NONE} without a model. */
  static FileSystems of(Program program, FileSystemsModel model) {
    if (model == null) return NONE;
    TreeSet<String> names = new TreeSet<>();
    for (FieldInit fi : program.fieldInits()) {
      if (!fi.structType().equals(model.definition())) continue;
      String named = namedFile(model, fi.location().file());
      if (FileSystemsModel.STACKING.equals(named)) continue;
      String below = named != null ? named : below(directory(fi.location().file()), model.under());
      if (below != null && !below.isEmpty()) names.add(below);
    }
    return new FileSystems(model, new ArrayList<>(names));
  }

  /** The file systems by index (the summary memo's keys; the model itself is in the lock model's fingerprint). */
  String describe() {
    return names.toString();
  }

  /** The name of file system {@code index} ("ext4", "smb/client"). */
  String name(int index) {
    return names.get(index);
  }

  int size() {
    return names.size();
  }

  /** The file system a source file belongs to, or {@link #SHARED}. */
  int of(String file) {
    if (model == null) return SHARED;
    return byFile.computeIfAbsent(file, f -> {
      String named = namedFile(model, f);
      if (named == null) return classify(below(directory(f), model.under()));
      if (FileSystemsModel.STACKING.equals(named)) return SHARED;
      int i = java.util.Collections.binarySearch(names, named);
      return i >= 0 ? i : SHARED;
    });
  }

  /**
   * The file system whose lockdep class keys a source file's acquisitions take ({@link ClassKeys}):
   * the one the model's {@link FileSystemsModel#classKeys} names for it, or the one it belongs to,
   * or {@link #SHARED}.
   */
  int classKeyScope(String file) {
    if (model == null || model.classKeys().isEmpty()) return of(file);
    String named = namedIn(model.classKeys(), file);
    if (named == null) return of(file);
    int i = java.util.Collections.binarySearch(names, named);
    return i >= 0 ? i : SHARED;
  }

  /** The file system the model names {@code file} for ({@link FileSystemsModel#files}), or null. */
  private static String namedFile(FileSystemsModel model, String file) {
    return namedIn(model.files(), file);
  }

  /** The value {@code byFile} gives {@code file}, matched by the end of its path; or null. */
  private static String namedIn(Map<String, String> byFile, String file) {
    if (byFile.isEmpty()) return null;
    String f = file.replace('\\', '/');
    for (java.util.Map.Entry<String, String> e : byFile.entrySet()) {
      if (f.equals(e.getKey()) || f.endsWith("/" + e.getKey())) return e.getValue();
    }
    return null;
  }

  /** Whether a source file is in one of the model's stacking directories. */
  boolean stacking(String file) {
    if (model == null) return false;
    return stackingByFile.computeIfAbsent(file, f -> {
      String named = namedFile(model, f);
      // A file the profile names as stacking, or as a file system the profile lists as stacking.
      if (FileSystemsModel.STACKING.equals(named) || named != null && model.stacking().contains(named)) return true;
      String below = below(directory(f), model.under());
      if (below == null) return false;
      for (String s : model.stacking()) if (below.equals(s) || below.startsWith(s + "/")) return true;
      return false;
    });
  }

  private int classify(String below) {
    if (below == null || below.isEmpty()) return SHARED;
    for (Map.Entry<String, String> lib : model.libraries().entrySet()) {
      if (below.equals(lib.getKey()) || below.startsWith(lib.getKey() + "/")) {
        int i = java.util.Collections.binarySearch(names, lib.getValue());
        return i >= 0 ? i : SHARED;
      }
    }
    for (String d = below; ; d = d.substring(0, d.lastIndexOf('/'))) {
      int i = java.util.Collections.binarySearch(names, d);
      if (i >= 0) return i;
      if (d.indexOf('/') < 0) return SHARED;
    }
  }

  private static String directory(String file) {
    String f = file.replace('\\', '/');
    int slash = f.lastIndexOf('/');
    return slash < 0 ? "" : f.substring(0, slash);
  }

  /**
   * The part of {@code dir} after its last component named {@code under} ("" when it is that
   * directory), or null when no component is.
   */
  private static String below(String dir, String under) {
    String d = "/" + dir;
    String mark = "/" + under;
    int at = -1;
    for (int i = d.indexOf(mark); i >= 0; i = d.indexOf(mark, i + 1)) {
      int end = i + mark.length();
      if (end == d.length() || d.charAt(end) == '/') at = end;
    }
    if (at < 0) return null;
    return at == d.length() ? "" : d.substring(at + 1);
  }
}
