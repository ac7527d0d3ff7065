package org.lockorder.frontend.c;

import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * What a function body does to its variables, read from its tokens ({@link StableVariables}).
 *
 * @param stable the variables that keep their value through the body
 * @param lastAssignment by variable, the body's last token assigning it in source order (the name
 *     token of {@code name = ...}, {@code name += ...}, {@code name++}, or of a declaration with an
 *     initializer); absent when the body never assigns it
 * @param untracked variables whose assignments the tokens do not show: address taken, passed to a
 *     macro that assigns its argument ({@code swap}, the {@code for_each} iterators), or declared
 *     more than once in the body (two variables of one name)
 */
record BodyVariables(Set<String> stable, Map<String, Token> lastAssignment, Set<String> untracked) {

  BodyVariables {
    stable = Set.copyOf(stable);
    lastAssignment = Map.copyOf(lastAssignment);
    untracked = Set.copyOf(untracked);
  }
}
