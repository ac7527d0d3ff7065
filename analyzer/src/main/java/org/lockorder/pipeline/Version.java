package org.lockorder.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, stamped into a resource by the build. */
public final class Version {
  private Version() {}

  public static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/org/lockorder/version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
