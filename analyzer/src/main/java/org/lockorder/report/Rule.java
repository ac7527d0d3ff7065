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
          + " (mutex_lock_nested) as lockdep requires."),
  LO003(
      "irq-inversion",
      "possible interrupt deadlock: irq-safe lock depends on irq-unsafe lock",
      "A lock class is taken in an interrupt handler (irq-safe) and a lock class is taken with"
          + " that interrupt level enabled (irq-unsafe), and either they are the same class or the"
          + " safe one is held while the unsafe one is acquired, directly or through other locks."
          + " An interrupt arriving while the unsafe lock is held on one CPU can then wait forever"
          + " for it in the handler. Both usages are shown with their call chains, as lockdep's"
          + " 'inconsistent lock state' and 'irq lock inversion' reports do.");

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
