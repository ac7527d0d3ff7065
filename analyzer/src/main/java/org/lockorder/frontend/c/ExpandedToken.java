package org.lockorder.frontend.c;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * A token that a macro's replacement text contributed. It sits at the invocation's position, and
 * its source span is the whole invocation, so that text shown for an expression built from it is
 * the macro call the user wrote ({@link SourceMap#text}).
 */
final class ExpandedToken extends CommonToken {
  final int invocationStart;
  final int invocationStop;
  /** The macro the user wrote: the outermost invocation this token came from. */
  final String macro;

  ExpandedToken(int type, String text, Token at, String macro, int invocationStart, int invocationStop) {
    super(type, text);
    this.macro = macro;
    setLine(at.getLine());
    setCharPositionInLine(at.getCharPositionInLine());
    setStartIndex(invocationStart);
    setStopIndex(invocationStop);
    this.invocationStart = invocationStart;
    this.invocationStop = invocationStop;
  }

  /** The same token with another type (typedef names are re-tagged after expansion). */
  ExpandedToken withType(int type) {
    return new ExpandedToken(type, getText(), this, macro, invocationStart, invocationStop);
  }

  /** The macro {@code t} came from, or null for a token of the source. */
  static String macro(Token t) {
    return t instanceof ExpandedToken e ? e.macro : null;
  }

  /** Where the source span of {@code t} starts: the invocation's start for an expanded token. */
  static int spanStart(Token t) {
    return t instanceof ExpandedToken e ? e.invocationStart : t.getStartIndex();
  }

  static int spanStop(Token t) {
    return t instanceof ExpandedToken e ? e.invocationStop : t.getStopIndex();
  }
}
