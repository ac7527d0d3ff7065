package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Locals used as sets of flag bits ({@link org.lockorder.ir.Function#bitFlags}): every change of
 * the variable assigns a constant expression, or-s one in, or ands it with anything. Its value
 * then never has a bit outside the constants' union, wherever it is read:
 *
 * <pre>
 *   unsigned int ilock_flags = 0;
 *   if (iocb->ki_flags & IOCB_NOWAIT)
 *           ilock_flags |= BTRFS_ILOCK_TRY;
 *   ...
 *   btrfs_inode_lock(inode, ilock_flags);    // never BTRFS_ILOCK_MMAP
 * </pre>
 *
 * Read from the body's tokens, like {@link StableVariables}, for the candidates it found followed
 * (declared once, address never taken, never stepped, not given to a macro that assigns it). A
 * body with inline assembly has none: an output operand assigns a variable without an operator.
 */
final class BitFlagLocals {
  private BitFlagLocals() {}

  /**
   * By candidate whose changes are all of those forms: the constant expressions assigned or
   * or-ed in, as condition text ({@link ExpressionFlow#constantText(List)}), in source order.
   */
  static Map<String, List<String>> of(List<Token> body, Set<String> candidates) {
    Map<String, List<String>> out = new TreeMap<>();
    if (candidates.isEmpty()) return out;
    Set<String> dropped = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Token t = body.get(i);
      if (t.getType() == CLexer.Asm) return new TreeMap<>();
      if (t.getType() != CLexer.Identifier || !candidates.contains(t.getText())) continue;
      int prev = i > 0 ? body.get(i - 1).getType() : -1;
      if (prev == CLexer.Dot || prev == CLexer.Arrow) continue; // a member of the same name
      int op = i + 1 < body.size() ? body.get(i + 1).getType() : -1;
      String name = t.getText();
      if (prev == CLexer.Star && op != -1 && isAssignment(op)) {
        dropped.add(name); // '*v = ...': a pointer, not a set of flags
        continue;
      }
      switch (op) {
        case CLexer.AndAssign -> { } // clears bits only, whatever the operand
        case CLexer.Assign, CLexer.OrAssign -> {
          String constant = ExpressionFlow.constantText(operand(body, i + 2));
          if (constant == null) dropped.add(name);
          else out.computeIfAbsent(name, k -> new ArrayList<>()).add(constant);
        }
        default -> {
          if (isAssignment(op)) dropped.add(name);
        }
      }
    }
    out.keySet().removeAll(dropped);
    return out;
  }

  /**
   * Of the flag locals {@code of} found, those whose every change assigns one constant, the same
   * each time: by local, that constant's text. Such a local holds that value wherever a read of it
   * is defined (before its assignment it holds nothing C defines):
   *
   * <pre>
   *   enum ttu_flags ttu_flags = TTU_RMAP_LOCKED | TTU_SPLIT_HUGE_PMD | TTU_SYNC;
   *   ...
   *   try_to_unmap(folio, ttu_flags | TTU_IGNORE_MLOCK);   // always TTU_RMAP_LOCKED
   * </pre>
   */
  static Map<String, String> constants(List<Token> body, Map<String, List<String>> flags) {
    Map<String, String> out = new TreeMap<>();
    if (flags.isEmpty()) return out;
    Set<String> dropped = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Token t = body.get(i);
      if (t.getType() != CLexer.Identifier || !flags.containsKey(t.getText())) continue;
      int prev = i > 0 ? body.get(i - 1).getType() : -1;
      if (prev == CLexer.Dot || prev == CLexer.Arrow) continue;
      int op = i + 1 < body.size() ? body.get(i + 1).getType() : -1;
      if (op != CLexer.Assign) {
        if (op != -1 && isAssignment(op)) dropped.add(t.getText()); // '|=' or '&=': bits, not a value
        continue;
      }
      String value = ExpressionFlow.constantText(operand(body, i + 2));
      String before = out.putIfAbsent(t.getText(), value);
      if (before != null && !before.equals(value)) dropped.add(t.getText());
    }
    out.keySet().removeAll(dropped);
    out.keySet().retainAll(flags.keySet());
    return out;
  }

  private static boolean isAssignment(int type) {
    return StableVariables.ASSIGNMENTS.contains(type);
  }

  /**
   * The tokens of the expression starting at {@code from}: up to the {@code ;} or {@code ,} that
   * ends it, or the {@code )} that closes what it stands in.
   */
  private static List<Token> operand(List<Token> body, int from) {
    int depth = 0;
    int end = from;
    for (; end < body.size(); end++) {
      int type = body.get(end).getType();
      if (type == CLexer.LeftParen || type == CLexer.LeftBracket || type == CLexer.LeftBrace) depth++;
      else if (type == CLexer.RightParen || type == CLexer.RightBracket || type == CLexer.RightBrace) {
        if (depth-- == 0) break;
      } else if (depth == 0 && (type == CLexer.Semi || type == CLexer.Comma || type == CLexer.Question)) {
        break;
      }
    }
    // A '?' at depth 0 makes the operand a conditional's condition: not a constant's whole text.
    if (end < body.size() && body.get(end).getType() == CLexer.Question) return List.of();
    return body.subList(from, end);
  }
}
