package org.lockorder.cli;

import java.util.List;
import java.util.Map;

/**
 * Test repositories must never touch the repository the build runs in. Git exports GIT_DIR and
 * friends to hooks and to `git rebase --exec`; a test's `git init` under them would rewrite the
 * outer repository's config (it once set core.bare there). So child gits get none of them.
 */
final class GitEnv {
  private static final List<String> REPOSITORY_VARIABLES =
      List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX");

  private GitEnv() {}

  static void isolate(Map<String, String> env) {
    for (String v : REPOSITORY_VARIABLES) env.remove(v);
  }
}
