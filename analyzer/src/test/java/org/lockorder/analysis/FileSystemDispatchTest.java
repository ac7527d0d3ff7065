package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Report;

/**
 * ADR-003: an ops call made for one file system's objects reaches that file system's
 * implementations, not another's. A tree of several files under {@code fs/}, as the kernel lays
 * them out: the linux profile's {@code file_systems} section names the file systems from their
 * {@code struct file_system_type} definitions.
 */
class FileSystemDispatchTest {
  @TempDir Path dir;
  /** The last {@link #findings} run's report. */
  private Report report;

  /** Every file declares what it uses: '#include' is not followed. */
  static final String VFS_TYPES =
      """
      struct inode;
      struct super_operations { void (*evict_inode)(struct inode *); };
      struct super_block { const struct super_operations *s_op; };
      struct inode { struct super_block *i_sb; };
      struct file_operations { int (*write_iter)(struct file *); int (*fsync)(struct file *); };
      struct file { const struct file_operations *f_op; struct inode *f_inode; };
      struct vm_fault;
      struct vm_operations_struct { int (*fault)(struct vm_fault *); };
      struct file_system_type { int (*mount)(void); };
      void iput(struct inode *inode);
      int vfs_write(struct file *file);
      int vfs_fsync(struct file *file);
      void vfs_lock_it(void);
      """;

  static final String VFS =
      VFS_TYPES
          + """
          static void evict(struct inode *inode) { inode->i_sb->s_op->evict_inode(inode); }
          void iput(struct inode *inode) { evict(inode); }
          int vfs_write(struct file *file) { return file->f_op->write_iter(file); }
          int vfs_fsync(struct file *file) { return file->f_op->fsync(file); }
          static DEFINE_MUTEX(vfs_lock);
          void vfs_lock_it(void) { mutex_lock(&vfs_lock); mutex_unlock(&vfs_lock); }
          int vfs_write_locked(struct file *file) { int r; mutex_lock(&vfs_lock); r = vfs_write(file); mutex_unlock(&vfs_lock); return r; }
          """;

  /** A file system named {@code name}: its lock, its ->evict_inode taking it, and code that holds it across iput. */
  static String fileSystem(String name) {
    return VFS_TYPES
        + ("""
          DEFINE_MUTEX(NAME_lock);
          static int NAME_mount(void) { return 0; }
          static struct file_system_type NAME_fs_type = { .mount = NAME_mount };
          static void NAME_evict_inode(struct inode *inode) { mutex_lock(&NAME_lock); mutex_unlock(&NAME_lock); }
          static const struct super_operations NAME_sops = { .evict_inode = NAME_evict_inode };
          void NAME_drop(struct inode *inode) { mutex_lock(&NAME_lock); iput(inode); mutex_unlock(&NAME_lock); }
          static int NAME_fault(struct vm_fault *vmf) { mutex_lock(&NAME_lock); mutex_unlock(&NAME_lock); return 0; }
          static const struct vm_operations_struct NAME_vm_ops = { .fault = NAME_fault };
          static int NAME_write_iter(struct file *file) { mutex_lock(&NAME_lock); mutex_unlock(&NAME_lock); return 0; }
          static const struct file_operations NAME_fops = { .write_iter = NAME_write_iter };
          """).replace("NAME", name);
  }

  private Map<String, List<String>> findings(String root, Map<String, String> files) throws Exception {
    List<String> paths = new ArrayList<>();
    for (var e : files.entrySet()) {
      Path p = dir.resolve(root).resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
      paths.add(p.toString());
    }
    Report r = new Pipeline(PipelineOptions.defaults()).run(paths);
    report = r;
    assertEquals(List.of(), r.diagnostics(), "the files parse");
    Map<String, List<String>> out = new TreeMap<>();
    r.findings().forEach(f -> out.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(String.join(" -> ", f.classes())));
    return out;
  }

  private static Map<String, String> tree(String... pathsAndCode) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < pathsAndCode.length; i += 2) out.put(pathsAndCode[i], pathsAndCode[i + 1]);
    return out;
  }

  @Test
  void iputFromOneFileSystemEvictsItsOwnInodesOnly() throws Exception {
    Map<String, String> files = tree(
        "fs/inode.c", VFS, "fs/ext4/super.c", fileSystem("ext4"), "fs/btrfs/inode.c", fileSystem("btrfs"));
    // ext4_drop holds ext4_lock across iput, which evicts an ext4 inode: ext4's ->evict_inode
    // takes ext4_lock again (real). btrfs's ->evict_inode is not called for an ext4 inode, so the
    // ext4_lock -> btrfs_lock -> ext4_lock cycle the two iputs would close is not reported.
    assertEquals(
        Map.of("LO002", List.of("btrfs_lock", "ext4_lock")),
        findings("linux", files));
    // The same code outside any fs/ directory has no file systems: every ->evict_inode is followed.
    Map<String, List<String>> unconfined = findings("flat", tree(
        "vfs/inode.c", VFS, "ext4/super.c", fileSystem("ext4"), "btrfs/inode.c", fileSystem("btrfs")));
    assertEquals(List.of("btrfs_lock -> ext4_lock"), unconfined.get("LO001"), unconfined.toString());
  }

  /** Shared code holding a page lock across an ops call read by type (as iomap_page_mkwrite's iomap_iter). */
  static final String IOMAP = VFS_TYPES
      + "static DEFINE_MUTEX(page_lock);\n"
      + "void iomap_lock_page(void) { mutex_lock(&page_lock); mutex_unlock(&page_lock); }\n"
      + "int iomap_page_mkwrite(struct inode *inode) { mutex_lock(&page_lock); inode->i_sb->s_op->evict_inode(inode); mutex_unlock(&page_lock); return 0; }\n";
  /** XFS, which calls it. */
  static final String XFS_MKWRITE = fileSystem("xfs")
      + "int iomap_page_mkwrite(struct inode *inode);\n"
      + "int xfs_page_mkwrite(struct inode *inode) { return iomap_page_mkwrite(inode); }\n";
  /**
   * ext4, which takes the page lock under its own lock; and the same with its ext4_page_mkwrite
   * calling iomap_page_mkwrite too (the same declarations).
   */
  static final String EXT4_WRITEPAGE = fileSystem("ext4")
      + "void iomap_lock_page(void);\n"
      + "int iomap_page_mkwrite(struct inode *inode);\n"
      + "void ext4_writepage(void) { mutex_lock(&ext4_lock); iomap_lock_page(); mutex_unlock(&ext4_lock); }\n"
      + "int ext4_page_mkwrite(struct inode *inode) { return 0; }\n";
  static final String EXT4_MKWRITE_TOO = EXT4_WRITEPAGE.replace("{ return 0; }", "{ return iomap_page_mkwrite(inode); }");

  @Test
  void sharedCodeOnlyOneFileSystemCallsRunsForThatFileSystemOnly() throws Exception {
    // iomap_page_mkwrite holds the page lock across an ops call read by type, which reaches ext4's
    // ->evict_inode too; but only XFS calls it, so that acquisition, made only for ext4's objects,
    // is on no thread there.
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", VFS, "fs/iomap/buffered.c", IOMAP, "fs/xfs/file.c", XFS_MKWRITE, "fs/ext4/inode.c", EXT4_WRITEPAGE));
    assertEquals(null, f.get("LO001"), f.toString());
    // When ext4 calls it too, the page lock is held across ext4's ->evict_inode on a thread.
    Map<String, List<String>> both = findings("linux2",
        tree("fs/inode.c", VFS, "fs/iomap/buffered.c", IOMAP, "fs/xfs/file.c", XFS_MKWRITE, "fs/ext4/inode.c", EXT4_MKWRITE_TOO));
    assertEquals(List.of("ext4_lock -> page_lock"), both.get("LO001"), both.toString());
  }

  @Test
  void aFileOfFsThatTheProfileNamesAsAStackingFileSystem() throws Exception {
    // fs/nsfs.c defines a file system: an iput in ext4's code reaches ext4's ->evict_inode only,
    // not nsfs's (as shared code, nsfs's table was every iput's). Its own code works on other
    // file systems' objects (the profile lists it as stacking): its vfs_write reaches ext4's.
    String nsfs = fileSystem("nsfs")
        + "void nsfs_helper(void) { mutex_lock(&nsfs_lock); mutex_unlock(&nsfs_lock); }\n"
        + "int nsfs_write_other(struct file *f) { int r; mutex_lock(&nsfs_lock); r = vfs_write(f); mutex_unlock(&nsfs_lock); return r; }\n";
    Map<String, List<String>> confined = findings("linux", tree("fs/inode.c", VFS, "fs/nsfs.c", nsfs, "fs/ext4/super.c", fileSystem("ext4")));
    assertEquals(null, confined.get("LO001"), confined.toString());
    // ext4 calling the exported helper under its lock closes a cycle through nsfs's stacking call.
    String ext4 = fileSystem("ext4")
        + "void nsfs_helper(void);\n"
        + "void ext4_ns(void) { mutex_lock(&ext4_lock); nsfs_helper(); mutex_unlock(&ext4_lock); }\n";
    Map<String, List<String>> stacked = findings("linux2", tree("fs/inode.c", VFS, "fs/nsfs.c", nsfs, "fs/ext4/super.c", ext4));
    assertEquals(List.of("ext4_lock -> nsfs_lock"), stacked.get("LO001"), stacked.toString());
  }

  @Test
  void sharedCodeOnlyStackingCodeCallsRunsForAnyFileSystem() throws Exception {
    // vfs_copy_locked is called by overlayfs alone, on a real file of another file system: its
    // ->write_iter under copy_lock reaches ext4's, and ext4 takes copy_lock under its own lock.
    String vfs = VFS
        + "static DEFINE_MUTEX(copy_lock);\n"
        + "int vfs_copy_locked(struct file *f) { int r; mutex_lock(&copy_lock); r = f->f_op->write_iter(f); mutex_unlock(&copy_lock); return r; }\n"
        + "void vfs_take_copy_lock(void) { mutex_lock(&copy_lock); mutex_unlock(&copy_lock); }\n";
    String overlay = fileSystem("overlayfs")
        + "int vfs_copy_locked(struct file *f);\n"
        + "int ovl_copy_up(struct file *real) { return vfs_copy_locked(real); }\n";
    String ext4 = fileSystem("ext4")
        + "void vfs_take_copy_lock(void);\n"
        + "void ext4_thing(void) { mutex_lock(&ext4_lock); vfs_take_copy_lock(); mutex_unlock(&ext4_lock); }\n";
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", vfs, "fs/overlayfs/file.c", overlay, "fs/ext4/super.c", ext4));
    assertTrue(f.getOrDefault("LO001", List.of()).contains("copy_lock -> ext4_lock"), f.toString());
  }

  @Test
  void aPageFaultReachesEveryFileSystem() throws Exception {
    // The user buffer of a copy may be mapped from any file system's file.
    String ext4 = fileSystem("ext4")
        + "int ext4_ioctl(void *ubuf) { int r; mutex_lock(&ext4_lock); r = copy_to_user(ubuf, 0, 8); mutex_unlock(&ext4_lock); return r; }\n";
    String btrfs = fileSystem("btrfs")
        + "int btrfs_ioctl(void *ubuf) { int r; mutex_lock(&btrfs_lock); r = copy_to_user(ubuf, 0, 8); mutex_unlock(&btrfs_lock); return r; }\n";
    Map<String, List<String>> f = findings("linux", tree("fs/inode.c", VFS, "fs/ext4/super.c", ext4, "fs/btrfs/inode.c", btrfs));
    assertTrue(f.getOrDefault("LO001", List.of()).contains("btrfs_lock -> ext4_lock"), f.toString());
  }

  @Test
  void stackingCodeReachesTheFileSystemsBelowIt() throws Exception {
    // overlayfs's ->write_iter syncs the real file, which belongs to another file system: ext4's
    // ->fsync is reached from vfs_write_locked through overlayfs only.
    String stacked = fileSystem("overlayfs")
        + "struct file *ovl_real;\n"
        + "static int ovl_sync_iter(struct file *file) { return vfs_fsync(ovl_real); }\n"
        + "static const struct file_operations ovl_sync_fops = { .write_iter = ovl_sync_iter };\n";
    String ext4 = fileSystem("ext4")
        + "static DEFINE_MUTEX(ext4_sync_lock);\n"
        + "static int ext4_fsync(struct file *file) { mutex_lock(&ext4_sync_lock); vfs_lock_it(); mutex_unlock(&ext4_sync_lock); return 0; }\n"
        + "static const struct file_operations ext4_sync_fops = { .fsync = ext4_fsync };\n";
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", VFS, "fs/ext4/super.c", ext4, "fs/overlayfs/file.c", stacked));
    // vfs_lock -> (overlayfs's ->write_iter, vfs_fsync, ext4's ->fsync) -> ext4_sync_lock -> vfs_lock.
    assertEquals(List.of("ext4_sync_lock -> vfs_lock"), f.get("LO001"), f.toString());
    // The same code in a directory the profile does not list as stacking syncs only its own files.
    Map<String, List<String>> confined = findings("linux2",
        tree("fs/inode.c", VFS, "fs/ext4/super.c", ext4, "fs/unionfs/file.c", stacked.replace("overlayfs", "unionfs")));
    assertEquals(null, confined.get("LO001"), confined.toString());
  }

  @Test
  void aLibraryDirectoryWorksOnItsFileSystemsObjects() throws Exception {
    // 6.1's kernfs defines no file system type; sysfs mounts it. kernfs_iop_permission holds a
    // kernfs inode's lock across a VFS call that makes an ops call on that inode: only sysfs's
    // methods are reached (the profile's 'libraries: {kernfs: sysfs}'), not ext4's.
    String kernfs = VFS_TYPES
        + "static DEFINE_MUTEX(kernfs_lock);\n"
        + "int kernfs_iop_permission(struct file *file) { int r; mutex_lock(&kernfs_lock); r = vfs_write(file); mutex_unlock(&kernfs_lock); return r; }\n";
    String sysfs = fileSystem("sysfs");
    String ext4 = fileSystem("ext4")
        + "void ext4_sync(struct file *file) { mutex_lock(&ext4_lock); kernfs_iop_permission(file); mutex_unlock(&ext4_lock); }\n";
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", VFS, "fs/kernfs/inode.c", kernfs, "fs/sysfs/mount.c", sysfs, "fs/ext4/super.c", ext4));
    // ext4_sync orders ext4_lock before kernfs_lock; ext4's ->write_iter is not reached under kernfs_lock.
    assertEquals(null, f.get("LO001"), f.toString());
    // A directory the profile does not name is shared code: kernfs's call reaches ext4's ->write_iter.
    Map<String, List<String>> shared = findings("linux2",
        tree("fs/inode.c", VFS, "fs/kernlib/inode.c", kernfs, "fs/sysfs/mount.c", sysfs, "fs/ext4/super.c", ext4));
    assertTrue(shared.getOrDefault("LO001", List.of()).contains("ext4_lock -> kernfs_lock"), shared.toString());
  }

  @Test
  void aFileTheProfileNamesIsAFileSystemOfItsOwn() throws Exception {
    // 6.1's tmpfs is mm/shmem.c, outside fs/. Its boot-time init holds its lock across a VFS call
    // on its own file (as shmem_init mounts tmpfs with kern_mount(&shmem_fs_type)): the ops call
    // reaches tmpfs's method, not ext4's ->write_iter. ext4 code calls a tmpfs helper directly
    // under ext4_lock (such a call works on whatever it is given).
    String shmem = fileSystem("shmem")
        + "void shmem_helper(void) { mutex_lock(&shmem_lock); mutex_unlock(&shmem_lock); }\n"
        + "int shmem_init(struct file *file) { int r; mutex_lock(&shmem_lock); r = vfs_write(file); mutex_unlock(&shmem_lock); return r; }\n";
    String ext4 = fileSystem("ext4")
        + "void ext4_call_shmem(void) { mutex_lock(&ext4_lock); shmem_helper(); mutex_unlock(&ext4_lock); }\n";
    Map<String, List<String>> f = findings("linux", tree("fs/inode.c", VFS, "mm/shmem.c", shmem, "fs/ext4/super.c", ext4));
    assertEquals(null, f.get("LO001"), f.toString());
    // The same file under a name the profile does not list is shared code: its call reaches
    // ext4's ->write_iter under shmem_lock, the reverse of ext4_call_shmem's order.
    Map<String, List<String>> shared = findings("linux2", tree("fs/inode.c", VFS, "mm/shmem2.c", shmem, "fs/ext4/super.c", ext4));
    assertEquals(List.of("ext4_lock -> shmem_lock"), shared.get("LO001"), shared.toString());
  }

  @Test
  void swapIoFromTmpfsReachesTheSwapFilesFileSystem() throws Exception {
    // tmpfs's pages swap out to a swap file, which may be on ext4: the profile lists swap I/O
    // (mm/page_io.c) as stacking code, so its ops call on the swap file reaches ext4's method
    // from tmpfs's code too.
    String pageIo = VFS_TYPES + "int swap_write(struct file *swap_file) { return swap_file->f_op->write_iter(swap_file); }\n";
    String shmem = fileSystem("shmem")
        + "int swap_write(struct file *swap_file);\n"
        + "void shmem_helper(void) { mutex_lock(&shmem_lock); mutex_unlock(&shmem_lock); }\n"
        + "int shmem_writeout(struct file *swap) { int r; mutex_lock(&shmem_lock); r = swap_write(swap); mutex_unlock(&shmem_lock); return r; }\n";
    String ext4 = fileSystem("ext4")
        + "void ext4_call_shmem(void) { mutex_lock(&ext4_lock); shmem_helper(); mutex_unlock(&ext4_lock); }\n";
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", VFS, "mm/shmem.c", shmem, "mm/page_io.c", pageIo, "fs/ext4/super.c", ext4));
    assertEquals(List.of("ext4_lock -> shmem_lock"), f.get("LO001"), f.toString());
    // Other shared code making the same call is not stacking: tmpfs's code works on its own files.
    Map<String, List<String>> confined = findings("linux2",
        tree("fs/inode.c", VFS, "mm/shmem.c", shmem, "mm/page_io2.c", pageIo, "fs/ext4/super.c", ext4));
    assertEquals(null, confined.get("LO001"), confined.toString());
  }

  /**
   * Shared code making two ops calls on one object (6.1 iomap_iter: ->iomap_end, then the next
   * ->iomap_begin): one file system's ->iomap_end returns holding a lock, another's ->iomap_begin
   * takes its own. Each is reached only for its own file system's objects, so no thread holds the
   * first while taking the second.
   */
  @Test
  void aLockHeldForOneFileSystemIsNotOrderedBeforeAnothersAcquisition() throws Exception {
    String iomapTypes = VFS_TYPES
        + "struct iomap_ops { int (*iomap_begin)(struct inode *); int (*iomap_end)(struct inode *); };\n"
        + "struct iomap_iter { struct inode *inode; const struct iomap_ops *ops; };\n"
        + "typedef struct { int rlock; } spinlock_t;\n"
        + "extern spinlock_t extent_lock;\n";
    String iomap = iomapTypes
        + "spinlock_t extent_lock;\n"
        + "int iomap_iter(struct iomap_iter *iter) { iter->ops->iomap_end(iter->inode); return iter->ops->iomap_begin(iter->inode); }\n";
    String gfs2 = iomapTypes + fileSystem("gfs2").replace(VFS_TYPES, "")
        + "static int gfs2_iomap_begin(struct inode *inode) { return 0; }\n"
        + "static int gfs2_iomap_end(struct inode *inode) { spin_lock(&extent_lock); return 0; }\n"
        + "const struct iomap_ops gfs2_iomap_ops = { .iomap_begin = gfs2_iomap_begin, .iomap_end = gfs2_iomap_end };\n";
    String f2fs = iomapTypes + fileSystem("f2fs").replace(VFS_TYPES, "")
        // A spinlock: under a sleeping lock, ADR-014 would take the extent_lock a callee returned
        // as not held.
        + "DEFINE_SPINLOCK(f2fs_map_lock);\n"
        + "static int f2fs_iomap_begin(struct inode *inode) { spin_lock(&f2fs_map_lock); spin_unlock(&f2fs_map_lock); return 0; }\n"
        + "static int f2fs_iomap_end(struct inode *inode) { return 0; }\n"
        + "const struct iomap_ops f2fs_iomap_ops = { .iomap_begin = f2fs_iomap_begin, .iomap_end = f2fs_iomap_end };\n"
        + "void f2fs_extents(void) { spin_lock(&f2fs_map_lock); spin_lock(&extent_lock); spin_unlock(&extent_lock); spin_unlock(&f2fs_map_lock); }\n"
        // f2fs code iterating f2fs's own mapping: iomap_iter returns holding extent_lock only when
        // gfs2's ->iomap_end ran, which it does not for f2fs's objects.
        + "int f2fs_map(struct iomap_iter *it) { int r = iomap_iter(it); spin_lock(&f2fs_map_lock); spin_unlock(&f2fs_map_lock); return r; }\n";
    Map<String, List<String>> f = findings("linux",
        tree("fs/inode.c", VFS, "fs/iomap/iter.c", iomap, "fs/gfs2/bmap.c", gfs2, "fs/f2fs/data.c", f2fs));
    assertEquals(null, f.get("LO001"), f.toString());
    // Outside fs/, nothing is confined: iomap_iter holds extent_lock (from gfs2) while f2fs's
    // ->iomap_begin takes f2fs_map_lock, the reverse of f2fs_extents.
    Map<String, List<String>> flat = findings("flat",
        tree("vfs/inode.c", VFS, "iomap/iter.c", iomap, "gfs2/bmap.c", gfs2, "f2fs/data.c", f2fs));
    assertTrue(flat.getOrDefault("LO001", List.of()).contains("extent_lock -> f2fs_map_lock"), flat.toString());
  }

  /**
   * A VFS helper reaches one lock class through two file systems' ->evict_inode (ADR-003 later):
   * the summary keeps a path per file system, so each file system's thread shows its own
   * ->evict_inode, not the other's.
   */
  @Test
  void eachFileSystemsThreadShowsItsOwnImplementation() throws Exception {
    String vfs = VFS + "DEFINE_MUTEX(hash_lock);\n";
    java.util.function.Function<String, String> fs = name -> (VFS_TYPES
        + """
        extern struct mutex hash_lock;
        DEFINE_MUTEX(NAME_lock);
        static int NAME_mount(void) { return 0; }
        static struct file_system_type NAME_fs_type = { .mount = NAME_mount };
        static void NAME_evict_inode(struct inode *inode) { mutex_lock(&hash_lock); mutex_unlock(&hash_lock); }
        static const struct super_operations NAME_sops = { .evict_inode = NAME_evict_inode };
        void NAME_drop(struct inode *inode) { mutex_lock(&NAME_lock); iput(inode); mutex_unlock(&NAME_lock); }
        void NAME_rehash(void) { mutex_lock(&hash_lock); mutex_lock(&NAME_lock); mutex_unlock(&NAME_lock); mutex_unlock(&hash_lock); }
        """).replace("NAME", name);
    Map<String, String> files = tree("fs/inode.c", vfs, "fs/btrfs/inode.c", fs.apply("btrfs"), "fs/ext4/super.c", fs.apply("ext4"));
    Map<String, List<String>> f = findings("linux", files);
    assertEquals(List.of("btrfs_lock -> hash_lock", "ext4_lock -> hash_lock"), f.get("LO001"), f.toString());
    int threads = 0;
    for (org.lockorder.report.Finding finding : report.findings()) {
      for (org.lockorder.report.ThreadTrace t : finding.threads()) {
        if (!t.entry().endsWith("_drop")) continue;
        String own = t.entry().substring(0, t.entry().indexOf('_'));
        List<String> evicts = t.steps().stream()
            .flatMap(s -> java.util.stream.Stream.of(s.function(), String.valueOf(s.detail())))
            .filter(n -> n.endsWith("_evict_inode")).distinct().toList();
        assertEquals(List.of(own + "_evict_inode"), evicts, t.toString());
        threads++;
      }
    }
    assertEquals(2, threads);
  }

  /**
   * An edge made in shared code for one file system's objects starts its thread in that file
   * system's code: vfs_evict_locked's vfs_lock -> ext4_lock runs only for ext4 inodes, so the
   * thread comes from ext4_outer, not from btrfs_prune, the nearer caller.
   */
  @Test
  void anEdgeForOneFileSystemStartsInThatFileSystemsCode() throws Exception {
    String vfs = VFS + "void vfs_evict_locked(struct inode *inode) { mutex_lock(&vfs_lock); iput(inode); mutex_unlock(&vfs_lock); }\n";
    String decl = "void vfs_evict_locked(struct inode *inode);\n";
    String ext4 = VFS_TYPES + decl
        + "DEFINE_MUTEX(ext4_lock);\n"
        + "static int ext4_mount(void) { return 0; }\n"
        + "static struct file_system_type ext4_fs_type = { .mount = ext4_mount };\n"
        + "static void ext4_evict_inode(struct inode *inode) { mutex_lock(&ext4_lock); mutex_unlock(&ext4_lock); }\n"
        + "static const struct super_operations ext4_sops = { .evict_inode = ext4_evict_inode };\n"
        + "static void ext4_mid(struct inode *inode) { vfs_evict_locked(inode); }\n"
        + "void ext4_outer(struct inode *inode) { ext4_mid(inode); }\n"
        + "void ext4_rev(void) { mutex_lock(&ext4_lock); vfs_lock_it(); mutex_unlock(&ext4_lock); }\n";
    String btrfs = VFS_TYPES + decl
        + "static int btrfs_mount(void) { return 0; }\n"
        + "static struct file_system_type btrfs_fs_type = { .mount = btrfs_mount };\n"
        + "static void btrfs_evict_inode(struct inode *inode) { }\n"
        + "static const struct super_operations btrfs_sops = { .evict_inode = btrfs_evict_inode };\n"
        + "void btrfs_prune(struct inode *inode) { vfs_evict_locked(inode); }\n";
    Map<String, List<String>> f = findings("linux", tree("fs/inode.c", vfs, "fs/btrfs/inode.c", btrfs, "fs/ext4/super.c", ext4));
    assertEquals(List.of("ext4_lock -> vfs_lock"), f.get("LO001"), f.toString());
    List<String> entries = report.findings().stream()
        .filter(x -> x.rule().equals("LO001")).flatMap(x -> x.threads().stream()).map(t -> t.entry()).sorted().toList();
    assertEquals(List.of("ext4_outer", "ext4_rev"), entries);
  }
}
