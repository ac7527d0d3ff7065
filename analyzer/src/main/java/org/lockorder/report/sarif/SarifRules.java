package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lockorder.report.Rule;

/** The SARIF rule table, read from {@link Rule} like --help, `lockorder rules` and docs/rules/. */
final class SarifRules {
  private SarifRules() {}

  static ArrayNode all() {
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    for (Rule r : Rule.all()) rules.add(descriptor(r));
    return rules;
  }

  static ObjectNode descriptor(Rule r) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("id", r.id());
    d.put("name", r.ruleName());
    d.set("shortDescription", Sarif.text(r.summary()));
    d.set("fullDescription", Sarif.text(r.help()));
    ObjectNode help = d.putObject("help");
    help.put("text", r.help() + "\n\nHow to fix: " + r.fix() + "\n\nSee " + r.helpUri());
    help.put(
        "markdown",
        "**" + r.summary() + "**\n\n" + r.help() + "\n\n**How to fix.** " + r.fix() + "\n\n[" + r.id() + " documentation]("
            + r.helpUri() + ")");
    d.put("helpUri", r.helpUri());
    d.putObject("defaultConfiguration").put("level", "warning");
    ArrayNode tags = d.putObject("properties").putArray("tags");
    tags.add("concurrency");
    tags.add("deadlock");
    tags.add("lockdep");
    return d;
  }
}
