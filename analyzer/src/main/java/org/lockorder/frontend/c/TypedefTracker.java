package org.lockorder.frontend.c;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Resolves C's typedef ambiguity without semantic predicates: before an item is parsed, every
 * identifier that names a type (declared by an earlier typedef, given from outside, built in, or
 * ending in '_t') is re-tagged as a TypedefName token. Not thread-safe: one per file.
 */
final class TypedefTracker {
  private final Set<String> typedefs = new HashSet<>();
  private final Set<String> notTypes = new HashSet<>();

  TypedefTracker(Set<String> extraTypeNames) {
    typedefs.addAll(KnownTypeNames.BUILT_IN);
    typedefs.addAll(extraTypeNames);
  }

  void declareTypedef(String name) {
    typedefs.add(name);
    notTypes.remove(name);
  }

  /** A file-scope variable or function: keeps a '..._t' name from being taken as a type. */
  void declareOrdinary(String name) {
    if (!typedefs.contains(name) || name.endsWith("_t")) {
      typedefs.remove(name);
      notTypes.add(name);
    }
  }

  boolean isType(String name) {
    if (typedefs.contains(name)) return true;
    int n = name.length();
    return n >= 4
        && name.endsWith("_t")
        && Character.isLetterOrDigit(name.charAt(n - 3))
        && !notTypes.contains(name);
  }

  /** Copies of tokens [start, end) with type names re-tagged. */
  private static Token withType(Token t, int type) {
    if (t instanceof ExpandedToken e) return e.withType(type);
    CommonToken copy = new CommonToken(t);
    copy.setType(type);
    return copy;
  }

  List<Token> retag(List<Token> tokens, int start, int end) {
    Token[] out = new Token[end - start];
    Set<String> declaredHere = declaredVariables(tokens, start, end);
    for (int i = start; i < end; i++) {
      Token t = tokens.get(i);
      boolean typeName =
          (t.getType() == CLexer.Identifier || t.getType() == CLexer.TypedefName)
              && isType(t.getText())
              && !declaredHere.contains(t.getText())
              && (i == start || !isNameContext(tokens.get(i - 1).getType()))
              && (i + 1 >= end || !isValueFollower(tokens.get(i + 1).getType(), t.getText()))
              && !isParenthesizedTypedefName(tokens, i, start, end);
      typeName |= t.getType() == CLexer.Identifier && isCastToName(tokens, i, start, end);
      if (t.getType() == CLexer.TypedefName && !typeName) {
        out[i - start] = withType(t, CLexer.Identifier);
      } else if (typeName) {
        out[i - start] = withType(t, CLexer.TypedefName);
      } else {
        out[i - start] = t;
      }
    }
    return List.of(out);
  }

  /**
   * The names guessed to be types for their '_t' that the item declares as variables or
   * parameters: a name right after a type word or '*' and before ';', '=', ',', '[' or ')'
   * ('copy_stateid_t *cps_t;', 'enum smc_lgr_type lgr_new_t = ...', 'u64 band_max_delta_t;').
   * Elsewhere in the item they are the variable ('idr_for_each_entry(&ids, cps_t, i)',
   * 'if (lgr_new_t == ...)'), as C's scoping has it.
   */
  private Set<String> declaredVariables(List<Token> tokens, int start, int end) {
    Set<String> out = null;
    for (int i = start + 1; i + 1 < end; i++) {
      Token t = tokens.get(i);
      if (t.getType() != CLexer.Identifier && t.getType() != CLexer.TypedefName) continue;
      String name = t.getText();
      if (typedefs.contains(name) || !isType(name)) continue;
      int before = tokens.get(i - 1).getType();
      if (before != CLexer.Star && before != CLexer.Identifier && before != CLexer.TypedefName) continue;
      switch (tokens.get(i + 1).getType()) {
        case CLexer.Semi, CLexer.Assign, CLexer.Comma, CLexer.LeftBracket, CLexer.RightParen -> {
          if (out == null) out = new HashSet<>();
          out.add(name);
        }
        default -> { }
      }
    }
    return out == null ? Set.of() : out;
  }

  /**
   * 'typedef void (bh_end_io_t)(struct buffer_head *, int);' and 'typedef void *(mempool_alloc_t)(…)':
   * in a typedef, a lone name in parentheses followed by a parameter list is the name being
   * declared, even when it ends in '_t' or was declared before. A cast or a 'typeof(T)' is never
   * followed by '(' in a typedef's specifiers; 'typeof (T)' keeps its type.
   */
  private static boolean isParenthesizedTypedefName(List<Token> tokens, int i, int start, int end) {
    if (tokens.get(start).getType() != CLexer.Typedef || i - 2 < start || i + 2 >= end) return false;
    if (tokens.get(i - 1).getType() != CLexer.LeftParen
        || tokens.get(i + 1).getType() != CLexer.RightParen
        || tokens.get(i + 2).getType() != CLexer.LeftParen) {
      return false;
    }
    int before = tokens.get(i - 2).getType();
    return before != CLexer.Typeof && before != CLexer.Sizeof;
  }

  /**
   * '(fs32)x', '(LCN)0', '~(foo)0', '(foo){ .a = 1 }': a lone name in parentheses followed by an
   * operand is a cast to a type we were not told about, because a parenthesized expression is
   * never followed by a name, a literal, '~', '!', 'sizeof' or '{'. The '(' must stand where an
   * operand starts (after an operator, ',', '(', 'return' ...), not after a callee, 'if', 'while',
   * 'typeof' or a macro ('FOO(x) y;' is an iterator head, 'if (x) y();' a condition). Followers
   * that could continue an expression ('(x)(y)', '(x)-y', '(x)*y', '(x)&y') stay expressions.
   */
  private static boolean isCastToName(List<Token> tokens, int i, int start, int end) {
    if (i - 2 < start || i + 2 >= end) return false;
    if (tokens.get(i - 1).getType() != CLexer.LeftParen || tokens.get(i + 1).getType() != CLexer.RightParen) {
      return false;
    }
    boolean operandFollows = switch (tokens.get(i + 2).getType()) {
      case CLexer.Identifier, CLexer.Constant, CLexer.CharacterConstant, CLexer.Tilde, CLexer.Not,
          CLexer.Sizeof, CLexer.LeftBrace -> true;
      default -> false;
    };
    return operandFollows && startsOperand(tokens.get(i - 2).getType());
  }

  /** Tokens after which a '(' opens an operand, never a call's arguments or a statement's head. */
  private static boolean startsOperand(int previousType) {
    return switch (previousType) {
      case CLexer.Identifier, CLexer.TypedefName, CLexer.Constant, CLexer.CharacterConstant,
          CLexer.StringLiteral, CLexer.RightParen, CLexer.RightBracket, CLexer.PlusPlus,
          CLexer.MinusMinus -> false;
      case CLexer.Return, CLexer.Case, CLexer.Else, CLexer.Do -> true;
      // Other keywords ('if', 'while', 'sizeof', 'typeof', 'int' ...) take a '(' of their own; the
      // punctuators are declared together in CLexer.g4, from '(' to '.'.
      default -> previousType >= CLexer.LeftParen && previousType <= CLexer.Dot;
    };
  }

  /**
   * A type name is never followed by these; a name that only looks like a type ('min_t(...)',
   * a variable 'next_t') is not followed by '(' either.
   */
  private boolean isValueFollower(int nextType, String name) {
    return switch (nextType) {
      case CLexer.Semi, CLexer.Assign, CLexer.LeftBracket, CLexer.Dot, CLexer.Arrow,
          CLexer.PlusPlus, CLexer.MinusMinus, CLexer.Colon -> true;
      case CLexer.LeftParen -> !typedefs.contains(name);
      default -> false;
    };
  }

  /** After these tokens an identifier is a member, tag, label, declared name or operand, never a type. */
  private static boolean isNameContext(int previousType) {
    return previousType == CLexer.Dot
        || previousType == CLexer.Arrow
        || previousType == CLexer.Struct
        || previousType == CLexer.Union
        || previousType == CLexer.Enum
        || previousType == CLexer.Goto
        || previousType == CLexer.Star
        || previousType == CLexer.And; // '&fops_size_t': no type is ever addressed
  }
}
