package org.lockorder.ir;

import java.util.Objects;

/**
 * One argument of a call as the frontend saw it.
 *
 * @param text the argument as written, whitespace-normalized
 * @param path the lvalue path it denotes, or null when it is not path-shaped
 * @param constant its value when it is an integer literal, else null
 * @param hash the hash of the other three, made once (whatever is passed): the analysis keys its
 *     call jobs by a call's arguments in every path state that reaches the call, and a record's
 *     own hash walks the access path every time
 */
public record Arg(String text, AccessPath path, Long constant, int hash) {
  public Arg {
    hash = (31 * Objects.hashCode(text) + Objects.hashCode(path)) * 31 + Objects.hashCode(constant);
  }

  public Arg(String text, AccessPath path, Long constant) {
    this(text, path, constant, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Arg a && a.hash == hash && Objects.equals(a.text, text) && Objects.equals(a.path, path)
        && Objects.equals(a.constant, constant);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
