package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * SARIF locations: files as URIs relative to {@code %SRCROOT%} (the --source-root, by default the
 * directory lockorder runs in), or absolute {@code file:} URIs for files outside it; regions with
 * 1-based lines and columns.
 */
final class Locations {
  static final String SRCROOT = "%SRCROOT%";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Path root;

  Locations(Path sourceRoot) {
    this.root = sourceRoot.toAbsolutePath().normalize();
  }

  /** Whether the step or finding has a place in a source file (not the lock model). */
  static boolean inSource(String file, int line) {
    return line > 0 && !file.startsWith("<");
  }

  ObjectNode artifact(String file) {
    ObjectNode a = JSON.objectNode();
    Path abs = Path.of(file).toAbsolutePath().normalize();
    if (abs.startsWith(root)) {
      a.put("uri", relativeUri(root.relativize(abs)));
      a.put("uriBaseId", SRCROOT);
    } else {
      a.put("uri", abs.toUri().toASCIIString());
    }
    return a;
  }

  ObjectNode physical(String file, int line, int column) {
    ObjectNode p = JSON.objectNode();
    p.set("artifactLocation", artifact(file));
    ObjectNode region = p.putObject("region");
    region.put("startLine", line);
    region.put("startColumn", Math.max(1, column));
    return p;
  }

  /** A location with a physical place and a message. */
  ObjectNode location(String file, int line, int column, String message) {
    ObjectNode l = JSON.objectNode();
    l.set("physicalLocation", physical(file, line, column));
    if (message != null) l.set("message", Sarif.text(message));
    return l;
  }

  private static String relativeUri(Path rel) {
    String path = rel.toString().replace('\\', '/');
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
    }
  }
}
