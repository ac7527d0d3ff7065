package org.lockorder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lockorder.report.premerge.ChangedLines;

/**
 * The lines changed since a revision, for --new-from-rev: {@code git diff --unified=0 REV} over
 * the analyzed paths, in the repository of each, plus untracked files (new, so changed whole).
 */
final class GitDiff {
  /** git could not answer: not a repository, an unknown revision, no git. */
  static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  private GitDiff() {}

  static ChangedLines changedLines(List<String> paths, String rev) throws GitException {
    Map<Path, List<String>> byRepo = new LinkedHashMap<>();
    for (String p : paths) {
      Path abs = Path.of(p).toAbsolutePath().normalize();
      if (!Files.exists(abs)) continue;
      Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
      Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip());
      byRepo.computeIfAbsent(top, k -> new ArrayList<>()).add(abs.toString());
    }
    ChangedLines changed = new ChangedLines();
    for (Map.Entry<Path, List<String>> e : byRepo.entrySet()) {
      Path top = e.getKey();
      List<String> diff = new ArrayList<>(List.of("diff", "--no-color", "--no-ext-diff", "--unified=0", rev, "--"));
      diff.addAll(e.getValue());
      changed.addDiff(top, git(top, diff.toArray(String[]::new)));
      List<String> untracked = new ArrayList<>(List.of("ls-files", "--others", "--exclude-standard", "--full-name", "--"));
      untracked.addAll(e.getValue());
      for (String f : git(top, untracked.toArray(String[]::new)).split("\n")) {
        if (!f.isBlank()) changed.addWholeFile(top.resolve(f));
      }
    }
    return changed;
  }

  private static String git(Path dir, String... args) throws GitException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new GitException("cannot run git: " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException("git " + String.join(" ", args) + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        throw new GitException("git " + args[0] + " failed in " + dir + ": " + err.join().strip());
      }
      return out.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new GitException("interrupted while running git");
    } catch (IOException e) {
      throw new GitException("cannot talk to git: " + e.getMessage());
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
