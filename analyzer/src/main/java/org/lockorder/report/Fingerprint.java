package org.lockorder.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A finding's identity across runs: a hash of its rule, its lock classes (canonical rotation) and
 * the entry function of each thread, in order. No file names or line numbers, so editing code
 * around a finding keeps it; a different cycle, or the same cycle reached from other entry
 * points, is a different finding. SARIF's partialFingerprints and the baseline use it.
 */
public final class Fingerprint {
  /** The key under SARIF's partialFingerprints. */
  public static final String KEY = "lockorderCycle/v1";

  private Fingerprint() {}

  public static String of(String rule, List<String> classes, List<ThreadTrace> threads) {
    StringBuilder sb = new StringBuilder(rule).append('\n');
    for (String c : classes) sb.append("class ").append(c).append('\n');
    for (ThreadTrace t : threads) sb.append("entry ").append(t.entry()).append('\n');
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
