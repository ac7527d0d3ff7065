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
          + " acquisition a subclass: mutex_lock_nested(&child->lock, SINGLE_DEPTH_NESTING).");

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
