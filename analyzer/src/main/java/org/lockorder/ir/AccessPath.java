package org.lockorder.ir;

import java.util.List;

/**
 * A syntactic lvalue path such as {@code &inode->i_mapping->private_lock} or
 * {@code EXT4_I(inode)->i_data_sem}: a root, then member names in order ({@code ->} and
 * {@code .} are not distinguished), with a leading {@code &} or {@code *} and casts stripped.
 *
 * @param root where the path starts
 * @param fields member names after the root, outermost first
 * @param indexed true when an array subscript appears anywhere ({@code &forks[i]})
 * @param text the expression as written, whitespace-normalized (for messages)
 */
public record AccessPath(Root root, List<String> fields, boolean indexed, String text) {

  public AccessPath {
    fields = List.copyOf(fields);
  }

  /** Where an access path starts. */
  public sealed interface Root permits Var, CallResult, Unknown {}

  /** A named variable: local, parameter, global, or an enum constant. */
  public record Var(String name) implements Root {}

  /** The result of a call, e.g. {@code EXT4_I(inode)} or {@code container_of(...)}. */
  public record CallResult(String function) implements Root {}

  /** Anything else (a string literal, an arithmetic expression, ...). */
  public record Unknown() implements Root {}
}
