package org.lockorder.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which headers -I adds, found as cc finds them. */
class IncludedHeadersTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private List<String> walk(List<String> paths, String... includeDirs) {
    List<IncludedHeaders.Directory> dirs = new java.util.ArrayList<>();
    for (String d : includeDirs) dirs.add(new IncludedHeaders.Directory(dir.resolve(d), d));
    List<String> out = new java.util.ArrayList<>();
    for (InputFile f : new SourceWalker().walk(paths.stream().map(p -> dir.resolve(p).toString()).toList(), dirs).files()) {
      out.add(dir.relativize(f.path().toAbsolutePath().normalize()) + " as " + f.displayPath().replace(dir + "/", ""));
    }
    return out;
  }

  @Test
  void onlyIncludedHeadersTransitivelyAndEachOnce() throws IOException {
    write("fs/a.c", "#include <linux/fs.h>\n  #  include \"local.h\"\n#if 0\n#include <linux/dead.h>\n#endif\n");
    write("fs/local.h", "#include <linux/fs.h>\n#include <asm/missing.h>\n");
    write("include/linux/fs.h", "#include <linux/list.h>\n#include \"types.h\"\n");
    write("include/linux/list.h", "#include <linux/fs.h>\n"); // a cycle
    write("include/linux/types.h", "");
    write("include/linux/dead.h", "");
    write("include/linux/unused.h", "");
    assertEquals(
        List.of(
            "fs/a.c as fs/a.c",
            "fs/local.h as fs/local.h",
            // Headers found through -I, sorted by display path; the unused one is not read.
            "include/linux/dead.h as include/linux/dead.h",
            "include/linux/fs.h as include/linux/fs.h",
            "include/linux/list.h as include/linux/list.h",
            "include/linux/types.h as include/linux/types.h"),
        walk(List.of("fs"), "include"));
  }

  @Test
  void quotedIncludesLookBesideTheFileFirstAndAngledOnesDoNot() throws IOException {
    write("fs/x/a.c", "#include \"defs.h\"\n#include <other.h>\n");
    write("fs/x/defs.h", "");
    write("fs/x/other.h", "");
    write("include/defs.h", "");
    write("include/other.h", "");
    assertEquals(
        List.of("fs/x/a.c as fs/x/a.c", "fs/x/defs.h as fs/x/defs.h", "include/other.h as include/other.h"),
        walk(List.of("fs/x/a.c"), "include"));
  }

  @Test
  void aQuotedNameResolvesBesideEachIncluderAndAnAngledOneTheSameFromAll() throws IOException {
    // One level of the walk resolves both files' includes: "defs.h" is another header beside each.
    write("fs/x/a.c", "#include \"defs.h\"\n#include <common.h>\n");
    write("fs/y/b.c", "#include \"defs.h\"\n#include <common.h>\n");
    write("fs/x/defs.h", "");
    write("fs/y/defs.h", "#include <common.h>\n");
    write("include/common.h", "");
    write("include/defs.h", "");
    assertEquals(
        List.of(
            "fs/x/a.c as fs/x/a.c", "fs/y/b.c as fs/y/b.c", "fs/x/defs.h as fs/x/defs.h", "fs/y/defs.h as fs/y/defs.h",
            "include/common.h as include/common.h"),
        walk(List.of("fs/x/a.c", "fs/y/b.c"), "include"));
  }

  @Test
  void includeDirectoriesAreSearchedInOrderAndWithoutThemNothingIsAdded() throws IOException {
    write("a.c", "#include <h.h>\n");
    write("first/h.h", "");
    write("second/h.h", "");
    assertEquals(List.of("a.c as a.c", "second/h.h as second/h.h"), walk(List.of("a.c"), "second", "first"));
    assertEquals(List.of("a.c as a.c"), walk(List.of("a.c")));
  }

  @Test
  void includesAreFoundWhereThePatternFindsThem() {
    String text = "#include <a.h>\n  #  include \"b.h\"\nx #include <no.h>\r#include <c.h>\r\n\t#include<d.h>\n"
        + "#define S(x) #x\n#include <e.h> #include <f.h>\n\u0085#include <g.h>\n# include <>\n#include \"h.h>\n#"
        + "\n#include <unterminated.h";
    java.util.regex.Matcher m = IncludedHeaders.INCLUDE.matcher(text);
    List<IncludedHeaders.Include> expected = new java.util.ArrayList<>();
    while (m.find()) expected.add(new IncludedHeaders.Include(m.group(1).equals("\""), m.group(2).trim()));
    assertEquals(7, expected.size(), expected.toString());
    assertEquals(expected, IncludedHeaders.includes(text));
  }
}
