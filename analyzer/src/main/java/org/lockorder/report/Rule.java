package org.lockorder.report;

import java.util.List;

/**
 * A rule lockorder reports, with the one copy of its metadata: {@code lockorder rules}, the
 * {@code analyze --help} footer, the SARIF rule table and the pages in docs/rules/ (tied to it by
 * RuleDocsTest) all read it from here.
 */
public enum Rule {
  LO001(
      "lock-order-cycle",
      "possible deadlock: lock-order cycle",
      "Two or more threads take the same lock classes in opposite orders. Each edge of the cycle"
          + " is shown with the call chain of a thread that holds the first lock while acquiring"
          + " the second. Only strong cycles in lockdep's sense are reported: a cycle that needs a"
          + " recursive reader to block behind a reader is not a deadlock.",
      "Take the locks in one documented order everywhere, or move the inner acquisition out from"
          + " under the outer lock. For page faults: fault the user pages in before taking the"
          + " lock and copy with the *_atomic helpers or inside pagefault_disable()."),
  LO002(
      "recursive-locking",
      "possible recursive locking",
      "A lock class is acquired while an instance of the same class (and subclass) is already"
          + " held: either the same lock twice, which deadlocks one thread on itself, or two"
          + " instances of one class, which deadlocks two threads that take them in opposite"
          + " orders. Annotate a legitimate parent/child nesting with a subclass"
          + " (mutex_lock_nested) as lockdep requires.",
      "Don't take the lock again: drop it before the nested call, or for user copies use"
          + " pagefault_disable() and the atomic copies, then fault in and retry with the lock"
          + " dropped. For a legitimate parent/child nesting of one class, give the inner"
          + " acquisition a subclass: mutex_lock_nested(&child->lock, SINGLE_DEPTH_NESTING)."),
  LO003(
      "irq-inversion",
      "possible interrupt deadlock: irq-safe lock depends on irq-unsafe lock",
      "A lock class is taken in an interrupt handler (irq-safe) and a lock class is taken with"
          + " that interrupt level enabled (irq-unsafe), and either they are the same class or the"
          + " safe one is held while the unsafe one is acquired, directly or through other locks."
          + " An interrupt arriving while the unsafe lock is held on one CPU can then wait forever"
          + " for it in the handler. Both usages are shown with their call chains, as lockdep's"
          + " 'inconsistent lock state' and 'irq lock inversion' reports do.",
      "Take the lock with interrupts disabled everywhere outside the handler"
          + " (spin_lock_irqsave/spin_lock_bh), or stop taking it in the handler (defer the work to"
          + " a threaded handler or a workqueue). For an inversion, either make the unsafe lock"
          + " irq-safe the same way or do not take it under the irq-safe one.");

  /**
   * Where the repository's files are published; rule pages are linked from SARIF as
   * {@code DOCS_BASE_URI + docPath()}. SARIF needs an absolute URI here.
   */
  public static final String DOCS_BASE_URI = "https://github.com/lockorder/lockorder/blob/main/";

  private final String ruleName;
  private final String summary;
  private final String help;
  private final String fix;

  Rule(String ruleName, String summary, String help) {
    this(ruleName, summary, help, null);
  }

  Rule(String ruleName, String summary, String help, String fix) {
    this.ruleName = ruleName;
    this.summary = summary;
    this.help = help;
    this.fix = fix;
  }

  public String id() {
    return name();
  }

  /** A short kebab-case name, e.g. "lock-order-cycle". */
  public String ruleName() {
    return ruleName;
  }

  /** One line, the start of every finding's message; SARIF's shortDescription. */
  public String summary() {
    return summary;
  }

  /** What the rule finds, one paragraph; SARIF's fullDescription, first paragraph of the page. */
  public String help() {
    return help;
  }

  /** How to fix a finding, one paragraph (first paragraph of "## How to fix" on the page). */
  public String fix() {
    return fix == null ? "See " + docPath() + "." : fix;
  }

  /** The rule's page, relative to the repository root. */
  public String docPath() {
    return "docs/rules/" + name() + ".md";
  }

  /** The rule's page as an absolute URI (SARIF helpUri). */
  public String helpUri() {
    return DOCS_BASE_URI + docPath();
  }

  public static List<Rule> all() {
    return List.of(values());
  }

  /** The rule with this id, or null. */
  public static Rule byId(String id) {
    for (Rule r : values()) if (r.id().equals(id)) return r;
    return null;
  }
}
