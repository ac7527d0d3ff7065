package org.lockorder.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.cli.Main;

/** The parse cache changes nothing but time: hits, misses and damaged entries give the same report. */
class ParseCacheTest {
  private static String run(Path cache, String dir) {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"analyze", "--format=json", "--cache-dir=" + cache, dir},
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  private static List<Path> entries(Path cache) throws IOException {
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
  }

  @Test
  void cachedRunsGiveTheSameReport(@TempDir Path cache) throws IOException {
    String dir = "callgraphs/01-ext4-page-mkwrite";
    String first = run(cache, dir);
    assertTrue(first.contains("\"findings\""), first);
    List<Path> written = entries(cache);
    assertTrue(written.size() >= 2, "one entry per file: " + written);
    assertEquals(first, run(cache, dir), "from the cache");

    // Damaged entries are ignored and rewritten: truncated, garbage, a flipped byte, and a stream
    // cut in the middle.
    assertTrue(written.size() >= 4, "four entries to damage: " + written);
    Files.write(written.get(0), new byte[] {'L', 'O'});
    Files.writeString(written.get(1), "not a cache entry");
    byte[] b = Files.readAllBytes(written.get(2));
    b[b.length / 2] ^= 0x5a;
    Files.write(written.get(2), b);
    byte[] whole = Files.readAllBytes(written.get(3));
    Files.write(written.get(3), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertEquals(first, run(cache, dir), "with damaged entries");
    assertEquals(first, run(cache, dir), "after rewriting them");
  }

  @Test
  void entriesAreWrittenBesideTheAnalysisAndAreAllOnDiskWhenWaitedFor(@TempDir Path dir) throws IOException {
    ParseCache cache = new ParseCache(dir);
    String k1 = cache.key("a.c", "model", new byte[] {1});
    String k2 = cache.key("b.c", "model", new byte[] {2});
    ParsedFile a = new ParsedFile("a.c", null, List.of(), 1);
    ParsedFile b = new ParsedFile("b.c", null, List.of(), 2);
    cache.put(k1, a);
    assertNull(cache.get(k1), "kept until the parse is over");
    cache.writeInBackground();
    cache.put(k2, b); // after the writer started: written when waited for
    cache.awaitWrites();
    assertEquals(a, cache.get(k1));
    assertEquals(b, cache.get(k2));
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")).toList(), "no temporary file left");
    }
  }

  @Test
  void aRunEndsWithEveryEntryOnDisk(@TempDir Path cache) throws IOException {
    run(cache, "callgraphs/02-cachefiles-freeze");
    List<Path> written = entries(cache);
    try (Stream<Path> s = Files.walk(Path.of("callgraphs/02-cachefiles-freeze"))) {
      long sources = s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).count();
      assertTrue(written.size() >= sources, written + " for " + sources + " files");
    }
  }

  @Test
  void aWholeRunIsReusedOnlyForTheSameFilesAndSettings(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path cache = tmp.resolve("cache");
    Files.writeString(src.resolve("a.c"), "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\nvoid f(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n");
    String one = run(cache, src.toString());
    assertTrue(!one.contains("LO001"), one);
    assertEquals(one, run(cache, src.toString()), "the same run again");
    // A file added next to unchanged ones makes another program.
    Files.writeString(src.resolve("b.c"), "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\nvoid g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n");
    String two = run(cache, src.toString());
    assertTrue(two.contains("LO001"), "the added file closes the cycle: " + two);
    // Other settings over the same files are another run: per file, the two files have no cycle.
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"analyze", "--format=json", "--per-file", "--cache-dir=" + cache, src.toString()},
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    assertTrue(!out.toString().contains("LO001"), out.toString());
    // Without the simulator the same files give unchecked verdicts, not the cached confirmed ones.
    assertTrue(two.contains("\"verdict\" : \"confirmed\""), two);
    StringWriter unsimulated = new StringWriter();
    Main.run(
        new String[] {"analyze", "--format=json", "--no-simulate", "--cache-dir=" + cache, src.toString()},
        new PrintWriter(unsimulated, true),
        new PrintWriter(new StringWriter(), true));
    assertTrue(unsimulated.toString().contains("\"verdict\" : \"unchecked\""), unsimulated.toString());
  }

  @Test
  void anEditedFileIsParsedAgain(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path cache = tmp.resolve("cache");
    Path c = src.resolve("a.c");
    Files.writeString(c, "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\nvoid f(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\nvoid g(void) { mutex_lock(&b); mutex_unlock(&b); }\n");
    String before = run(cache, src.toString());
    assertTrue(!before.contains("LO001"), before);
    Files.writeString(c, "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\nvoid f(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\nvoid g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n");
    assertTrue(run(cache, src.toString()).contains("LO001"), "the edit is seen");
  }

  @Test
  void aHeadersLockMacroEditedIsSeenByTheFilesThatUseIt(@TempDir Path tmp) throws IOException {
    // The report is looked up before the headers are scanned for macros, and a file's parse-cache
    // key takes the macros in only after: a.c's bytes do not change here, its parse must.
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path cache = tmp.resolve("cache");
    Path header = src.resolve("order.h");
    Files.writeString(header, "#define lock_ba() do { mutex_lock(&b); mutex_lock(&a); } while (0)\n"
        + "#define unlock_ba() do { mutex_unlock(&a); mutex_unlock(&b); } while (0)\n");
    Files.writeString(src.resolve("a.c"), "#include \"order.h\"\nstatic DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
        + "void f(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n"
        + "void g(void) { lock_ba(); unlock_ba(); }\n");
    String before = run(cache, src.toString());
    assertTrue(before.contains("LO001"), "the header's order closes the cycle: " + before);
    assertEquals(before, run(cache, src.toString()), "from the cache");
    Files.writeString(header, "#define lock_ba() do { mutex_lock(&a); mutex_lock(&b); } while (0)\n"
        + "#define unlock_ba() do { mutex_unlock(&b); mutex_unlock(&a); } while (0)\n");
    String after = run(cache, src.toString());
    assertTrue(!after.contains("LO001"), "the edited header's order is the file's: " + after);
  }
}
