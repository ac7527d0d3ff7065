package org.lockorder.report;

/** A thread's edge and a witness step in words, as the SARIF and HTML reports say them. */
public final class Words {
  private Words() {}

  /** "holds A (W), then acquires B (r)", or "acquires B (r)" for a usage thread (LO003). */
  public static String edge(ThreadTrace t) {
    String acquires = "acquires " + t.acquires() + " (" + t.acquiresMode() + ")";
    return t.holds().isEmpty() ? acquires : "holds " + t.holds() + " (" + t.holdsMode() + "), then " + acquires;
  }

  /** "f calls g", "f acquires L (W) with mutex_lock", "f: thread entry (why)". */
  public static String step(Step s, ThreadTrace t) {
    return switch (s.event()) {
      case "entry" -> s.function() + ": thread entry" + (t.entryReason().isEmpty() ? "" : " (" + t.entryReason() + ")");
      case "call" -> s.function() + " calls " + s.detail();
      case "acquire" -> s.function() + " acquires " + s.lock() + " (" + s.mode() + ")" + (s.detail() == null || s.line() <= 0 ? "" : " with " + s.detail());
      default -> s.function() + ": " + s.event();
    };
  }

  /**
   * The verdict as every report says it: "confirmed — reason", "not-reproduced — reason",
   * "unchecked (simulation disabled)", whose stored reason only names the option, or
   * "unchecked — reason" when the simulator ran but not on this finding.
   */
  public static String verdict(Simulation sim) {
    if (sim.disabled()) return "unchecked (simulation disabled)";
    String reason = sim.reason() == null ? "" : sim.reason().strip();
    return sim.verdict().label() + (reason.isEmpty() ? "" : " \u2014 " + reason);
  }
}
