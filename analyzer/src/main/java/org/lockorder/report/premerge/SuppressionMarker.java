package org.lockorder.report.premerge;

import java.util.List;

/**
 * A well-formed {@code lockorder-ignore RULE: reason} comment.
 *
 * @param line the comment's first line
 * @param column the column of "lockorder-ignore"
 * @param appliesTo the source line it covers: its own line when code shares the line, else the
 *     line right after the comment
 */
public record SuppressionMarker(String file, int line, int column, int appliesTo, List<String> rules, String reason) {
  public SuppressionMarker {
    rules = List.copyOf(rules);
  }
}
