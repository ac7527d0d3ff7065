package org.lockorder.report;

import java.util.List;

/**
 * A rule lockorder reports, with the metadata that --help, the JSON/SARIF rule tables and the
 * pages in docs/rules/ share.
 */
public enum Rule {
  LO001(
      "lock-order-cycle",
      "possible deadlock: lock-order cycle",
      "Two or more threads take the same lock classes in opposite orders. Each edge of the cycle"
          + " is shown with the call chain of a thread that holds the first lock while acquiring"
          + " the second. Only strong cycles in lockdep's sense are reported: a cycle that needs a"
          + " recursive reader to block behind a reader is not a deadlock."),
  LO002(
      "recursive-locking",
      "possible recursive locking",
      "A lock class is acquired while an instance of the same class (and subclass) is already"
          + " held: either the same lock twice, which deadlocks one thread on itself, or two"
          + " instances of one class, which deadlocks two threads that take them in opposite"
          + " orders. Annotate a legitimate parent/child nesting with a subclass"
          + " (mutex_lock_nested) as lockdep requires.");

  private final String ruleName;
  private final String summary;
  private final String help;

  Rule(String ruleName, String summary, String help) {
    this.ruleName = ruleName;
    this.summary = summary;
    this.help = help;
  }

  public String id() {
    return name();
  }

  public String ruleName() {
    return ruleName;
  }

  public String summary() {
    return summary;
  }

  public String help() {
    return help;
  }

  /** The rule's page, relative to the repository root. */
  public String docPath() {
    return "docs/rules/" + name() + ".md";
  }

  public static List<Rule> all() {
    return List.of(values());
  }
}
