package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * The variables of a function whose value cannot change once the body starts: parameters never
 * assigned, and locals of the body's outermost block assigned only by their initializer (or
 * never). None of them has its address taken, is incremented, or is declared again in an inner
 * block. Two tests of such a variable ({@code if (!nolock) spin_lock(..); ... if (!nolock)
 * spin_unlock(..);}) take the same side on every path, which the analysis uses to keep a lock
 * taken under a flag from "leaking" along the path that takes one side and then the other.
 *
 * <p>Locals of inner blocks are left out on purpose: a loop body's declaration is assigned again
 * on every iteration, and a test before it says nothing about a test after it.
 */
final class StableVariables {
  private StableVariables() {}

  /** The assignment operators, {@code =} and the compound ones. */
  static final Set<Integer> ASSIGNMENTS = Set.of(
      CLexer.Assign, CLexer.StarAssign, CLexer.DivAssign, CLexer.ModAssign, CLexer.PlusAssign,
      CLexer.MinusAssign, CLexer.LeftShiftAssign, CLexer.RightShiftAssign, CLexer.AndAssign,
      CLexer.XorAssign, CLexer.OrAssign);

  private static final Set<String> ASSIGNING_MACROS =
      Set.of("swap", "get_user", "__get_user", "get_user_unaligned", "xchg", "cmpxchg", "try_cmpxchg");

  /**
   * Whether {@code name} is one of the kernel's iterator macros, which assign the plain names
   * given to them: the {@code for_each} family, and the thread walks' {@code do_each_thread(g, t)}
   * and {@code while_each_thread(g, t)} (also {@code do_each_pid_task}, {@code while_each_pid_thread}).
   */
  static boolean iteratorMacro(String name) {
    return name.contains("for_each") || name.startsWith("do_each_") || name.startsWith("while_each_");
  }

  /**
   * Whether the name at token {@code i} is a whole macro argument: between the call's
   * parenthesis or a comma and a comma or the closing parenthesis ({@code for_each_thread(p, t)},
   * not {@code for_each_cpu(cpu, &mask)}'s {@code mask} nor {@code swap(a[i], b)}'s {@code a}).
   */
  private static boolean macroArgument(List<Token> tokens, int i) {
    int prev = tokens.get(i - 1).getType();
    int next = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
    return (prev == CLexer.LeftParen || prev == CLexer.Comma) && (next == CLexer.Comma || next == CLexer.RightParen);
  }

  /** The name called by the parenthesis that the argument at token {@code i} stands in, or null. */
  private static String enclosingCallee(List<Token> tokens, int i) {
    int depth = 0;
    for (int k = i - 1; k > 0; k--) {
      int type = tokens.get(k).getType();
      if (type == CLexer.RightParen) depth++;
      else if (type == CLexer.LeftParen && depth-- == 0) {
        return tokens.get(k - 1).getType() == CLexer.Identifier ? tokens.get(k - 1).getText() : null;
      } else if (type == CLexer.Semi || type == CLexer.LeftBrace || type == CLexer.RightBrace) {
        return null;
      }
    }
    return null;
  }

  /**
   * @param tokens the tokens the body's item was parsed from
   * @param marks where that list has {@code ;} (and possibly other) tokens: every declaration
   *     ends with one, so a subtree without one declares nothing
   * @param flags the {@code bool} locals: their address given to a call is an assignment there
   *     ({@link BodyVariables#addressArguments}), not the end of what the tokens show
   */
  static BodyVariables of(
      List<String> params, CParser.CompoundStatementContext body, List<Token> tokens, TokenPresence marks,
      Set<String> flags) {
    // Name -> how many assignments its declaration accounts for (1 with an initializer).
    Map<String, Integer> allowed = new HashMap<>();
    for (String p : params) allowed.put(p, 0);
    Set<String> unstable = new HashSet<>();
    Set<String> declaredTwice = new HashSet<>();
    for (CParser.BlockItemContext item : body.blockItem()) {
      List<CParser.InitDeclaratorContext> declarators = new ArrayList<>();
      if (item.declaration() != null && item.declaration().initDeclaratorList() != null) {
        declarators.addAll(item.declaration().initDeclaratorList().initDeclarator());
      } else if (item.unknownTypeBlockDeclaration() != null) {
        CParser.UnknownTypeBlockDeclarationContext u = item.unknownTypeBlockDeclaration();
        declare(u.Identifier(1).getText(), initialized(u.initTail()), allowed, declaredTwice);
        declarators.addAll(u.initDeclarator());
      }
      for (CParser.InitDeclaratorContext id : declarators) {
        declare(Declarators.name(id.declarator()), initialized(id.initTail()), allowed, declaredTwice);
      }
    }
    // A local declared without a value and given one by a statement of the outermost block
    // ('walk = current->reclaim_state ? ... : NULL;'): that statement runs once, and reading the
    // variable before it is undefined, so one such assignment keeps it stable.
    boolean sliced = marks.indexed() && body.getStart() != null && body.getStop() != null;
    if (sliced) {
      for (CParser.BlockItemContext item : body.blockItem()) {
        if (item.declaration() != null || item.unknownTypeBlockDeclaration() != null || item.getStart() == null) continue;
        int at = item.getStart().getTokenIndex();
        if (at + 1 >= tokens.size() || tokens.get(at).getType() != CLexer.Identifier || tokens.get(at + 1).getType() != CLexer.Assign) continue;
        String name = tokens.get(at).getText();
        if (!params.contains(name) && Integer.valueOf(0).equals(allowed.get(name))) allowed.put(name, 1);
      }
    }
    // Declarations anywhere but the outermost block (inner blocks, for loops) make other variables
    // of the same name: the name no longer stands for one variable in the body.
    List<Token> bodyTokens = sliced
        ? tokens.subList(body.getStart().getTokenIndex(), body.getStop().getTokenIndex() + 1)
        : new ArrayList<>();
    List<String> inner = new ArrayList<>();
    // Inner-block locals declared with an initializer: followed below when declared once.
    Set<String> innerInitialized = new HashSet<>();
    for (int i = 0; i < body.getChildCount(); i++) {
      ParseTree child = body.getChild(i);
      boolean outerDeclaration = child instanceof CParser.BlockItemContext item
          && (item.declaration() != null || item.unknownTypeBlockDeclaration() != null);
      if (sliced) {
        if (!outerDeclaration) declaredNames(child, true, marks, inner);
      } else {
        walk(child, !outerDeclaration, bodyTokens, inner);
      }
      if (!outerDeclaration) initializedDeclarations(child, sliced, marks, innerInitialized);
    }
    Set<String> once = new HashSet<>();
    for (String name : inner) {
      if (allowed.containsKey(name) || !once.add(name)) declaredTwice.add(name);
    }

    unstable.addAll(inner);
    unstable.addAll(declaredTwice);
    Assignments seen = new Assignments(declaredTwice);
    Set<String> stable = stable(allowed, unstable, bodyTokens, seen, flags);
    Map<String, Integer> reassigned = new HashMap<>();
    for (String p : params) {
      Integer n = seen.count.get(p);
      if (n != null && !unstable.contains(p) && !stable.contains(p)) reassigned.put(p, n);
    }
    // Locals of the outermost block changed only by assignment operators: each assignment can be
    // a node of the CFG.
    Map<String, Integer> flowTracked = new HashMap<>(reassigned);
    // A local stepped along its array ('pte++') is followed too: the step is an Assign node, a
    // relock (what was locked through the old value, the new one still stands for), so that a
    // NULL test on one branch is read against the assignment that branch made.
    for (String v : allowed.keySet()) {
      Integer n = seen.count.get(v);
      boolean changesSeen = !inner.contains(v) && !declaredTwice.contains(v) && !seen.untracked.contains(v);
      if (n != null && !params.contains(v) && changesSeen && !stable.contains(v)) flowTracked.put(v, n);
    }
    // Inner-block locals declared once, with an initializer: followed like the outermost block's
    // (their initializer is an Assign node, which ends a decision on them, so a loop's next pass
    // does not keep the last one). 6.1's set_extent_buffer_dirty: 'bool subpage = ...;' inside
    // 'if (!was_dirty) { ... }', then 'if (subpage) lock_page(..)' and 'if (subpage) unlock_page(..)'.
    for (String v : once) {
      if (innerInitialized.contains(v) && !declaredTwice.contains(v) && !seen.untracked.contains(v) && !seen.stepped.contains(v)) {
        // The count has the initializer's '=' (the token scan sees it as an assignment).
        Integer n = seen.count.get(v);
        if (n != null) flowTracked.put(v, n);
      }
    }
    Set<String> flagCandidates = new HashSet<>(once);
    flagCandidates.addAll(allowed.keySet());
    flagCandidates.removeAll(params);
    flagCandidates.removeAll(declaredTwice);
    flagCandidates.removeAll(seen.untracked);
    flagCandidates.removeAll(seen.stepped);
    for (Token t : seen.macroArguments) flagCandidates.remove(t.getText()); // assigned an unknown value
    Map<String, java.util.List<String>> bitFlags = BitFlagLocals.of(bodyTokens, flagCandidates);
    return new BodyVariables(stable, seen.last, seen.untracked, seen.relocked(), seen.copies(), reassigned,
        seen.members, flowTracked, seen.relockTokens, seen.addressArguments, seen.macroArguments, bitFlags,
        BitFlagLocals.constants(bodyTokens, bitFlags));
  }

  /** What the token scan finds about each name's assignments. */
  private static final class Assignments {
    /** Names whose changes the tokens do not show. */
    final Set<String> untracked;
    final Map<String, Token> last = new HashMap<>();
    final Map<String, Token> first = new HashMap<>();
    /** Member paths changed in the body ({@link BodyVariables#assignedMembers}). */
    final Set<String> members = new HashSet<>();
    /** By name: how many assignment operators assign it. */
    final Map<String, Integer> count = new HashMap<>();
    /** The name tokens of assignments that are relocks ({@link #relocks}). */
    final Set<Token> relockTokens = new HashSet<>();
    /** Names assigned again other than by a relock ({@link #relocks}). */
    final Set<String> notRelocking = new HashSet<>();
    /** By name: the variables it is set to ({@code locked = lruvec;}), with the last such token. */
    final Map<String, Map<String, Token>> copied = new HashMap<>();
    /** Names assigned something other than NULL or another variable. */
    final Set<String> notCopying = new HashSet<>();
    /** See {@link BodyVariables#addressArguments}. */
    final Set<Token> addressArguments = new HashSet<>();

    Assignments(Set<String> untracked) {
      this.untracked = new HashSet<>(untracked);
    }

    /** The name at {@code tokens[i]} is assigned there. */
    void assigned(List<Token> tokens, int i) {
      Token t = tokens.get(i);
      String name = t.getText();
      last.put(name, t);
      count.merge(name, 1, Integer::sum);
      boolean relock = relocks(tokens, i);
      if (relock) relockTokens.add(t);
      if (first.putIfAbsent(name, t) != null && !relock) notRelocking.add(name);
      boolean plain = i + 3 < tokens.size() && tokens.get(i + 1).getType() == CLexer.Assign
          && tokens.get(i + 3).getType() == CLexer.Semi;
      Token value = plain ? tokens.get(i + 2) : null;
      if (plain && (value.getText().equals("NULL") || value.getText().equals("0"))) return;
      if (plain && value.getType() == CLexer.Identifier && !value.getText().equals(name)) {
        copied.computeIfAbsent(name, k -> new HashMap<>()).put(value.getText(), t);
      } else {
        notCopying.add(name);
      }
    }

    /** The flag at {@code t} is given by address to a call, which may assign it: a relock. */
    void passedByAddress(Token t) {
      assignedUnseen(t);
      relockTokens.add(t);
      addressArguments.add(t);
    }

    /** The name at {@code t} is assigned there a value the tokens do not show (no copy). */
    private void assignedUnseen(Token t) {
      String name = t.getText();
      last.put(name, t);
      count.merge(name, 1, Integer::sum);
      first.putIfAbsent(name, t);
      notCopying.add(name);
    }

    /** See {@link BodyVariables#macroArguments}. */
    final Set<Token> macroArguments = new HashSet<>();

    /**
     * The name at {@code t} is a whole argument of a macro that may assign it ({@code swap}, the
     * {@code for_each} iterators): an assignment there of an unknown value, neither a copy nor
     * a relock.
     */
    void givenToMacro(Token t) {
      assignedUnseen(t);
      notRelocking.add(t.getText());
      macroArguments.add(t);
    }

    /** Names incremented or decremented somewhere. */
    final Set<String> stepped = new HashSet<>();

    /**
     * The name at {@code t} is incremented or decremented. Not an assignment for {@link #last}: a
     * pointer stepped along its array ({@code pte++} in 6.1's apply_to_pte_range loop, after its
     * {@code if (!pte)}) still says by its NULL test whether the locks taken with its value were
     * taken, and an increment placed after that test in the source made it say nothing. Counted,
     * and a relock, for a variable whose assignments are followed: the step is an Assign node.
     */
    void stepped(Token t) {
      stepped.add(t.getText());
      notRelocking.add(t.getText());
      notCopying.add(t.getText());
      count.merge(t.getText(), 1, Integer::sum);
      relockTokens.add(t);
    }

    /** See {@link BodyVariables#relocked}. */
    Map<String, Token> relocked() {
      Map<String, Token> out = new HashMap<>();
      for (Map.Entry<String, Token> e : first.entrySet()) {
        if (!notRelocking.contains(e.getKey()) && last.get(e.getKey()) != e.getValue()) out.put(e.getKey(), e.getValue());
      }
      return out;
    }

    /** See {@link BodyVariables#copies}. */
    Map<String, Map<String, Token>> copies() {
      Map<String, Map<String, Token>> out = new HashMap<>(copied);
      out.keySet().removeAll(notCopying);
      out.keySet().removeAll(untracked);
      return out;
    }
  }

  /**
   * Whether the assignment whose target name is {@code tokens[i]} is {@code name = f(..., name,
   * ...)}: a call that is given the variable's value and returns its new one (a relock).
   */
  private static boolean relocks(List<Token> tokens, int i) {
    String name = tokens.get(i).getText();
    if (i + 3 >= tokens.size() || tokens.get(i + 1).getType() != CLexer.Assign
        || tokens.get(i + 2).getType() != CLexer.Identifier || tokens.get(i + 3).getType() != CLexer.LeftParen) {
      return false;
    }
    int depth = 0;
    for (int k = i + 3; k < tokens.size(); k++) {
      int type = tokens.get(k).getType();
      if (type == CLexer.LeftParen) depth++;
      else if (type == CLexer.RightParen && --depth == 0) return false;
      else if (type == CLexer.Identifier && tokens.get(k).getText().equals(name)) {
        int before = tokens.get(k - 1).getType();
        if (before != CLexer.Dot && before != CLexer.Arrow) return true;
      }
    }
    return false;
  }

  /**
   * The variables of {@code allowed} that no token of the body changes; what the scan finds about
   * each name's assignments goes into {@code seen}.
   */
  private static Set<String> stable(
      Map<String, Integer> allowed, Set<String> unstable, List<Token> tokens, Assignments seen, Set<String> flags) {
    Map<String, Integer> assigned = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() != CLexer.Identifier) continue;
      int prev = i > 0 ? tokens.get(i - 1).getType() : -1;
      int next = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
      if (prev == CLexer.Dot || prev == CLexer.Arrow) {
        // A member of the same name, not the variable; but the member path itself may change.
        boolean stepped = next == CLexer.PlusPlus || next == CLexer.MinusMinus;
        if (ASSIGNMENTS.contains(next) || stepped || memberAddressTaken(tokens, i)) {
          String path = memberPath(tokens, i);
          if (path != null) seen.members.add(path);
        }
        continue;
      }
      String name = t.getText();
      if (ASSIGNMENTS.contains(next) && !storeThrough(tokens, i)) {
        assigned.merge(name, 1, Integer::sum);
        seen.assigned(tokens, i);
      }
      // Macros that assign their argument look like calls: swap(a, b), get_user(x, p), and the
      // iterators (list_for_each_entry(pos, ...), for_each_cpu(cpu, ...)).
      if (prev == CLexer.LeftParen || prev == CLexer.Comma) {
        String macro = enclosingCallee(tokens, i);
        if (macro != null && (ASSIGNING_MACROS.contains(macro) || iteratorMacro(macro))) {
          unstable.add(name);
          if (macroArgument(tokens, i)) {
            // A plain name given to the macro: an assignment there, of a value the tokens do
            // not show, and followed from there when nothing else hides its changes.
            assigned.merge(name, 1, Integer::sum);
            seen.givenToMacro(t);
          } else {
            seen.untracked.add(name);
          }
        }
      }
      if (next == CLexer.PlusPlus || next == CLexer.MinusMinus || prev == CLexer.PlusPlus
          || prev == CLexer.MinusMinus) {
        unstable.add(name);
        seen.stepped(t);
      }
      if (storeThroughOwnAddress(tokens, i)) {
        // '*(&ptl) = __ptl': a macro that stores through its pointer argument, expanded
        // (pte_offset_map_lock's '*(ptlp) = __ptl;'): an assignment of the name, and followed.
        assigned.merge(name, 1, Integer::sum);
        seen.assigned(tokens, i);
      } else if (addressTaken(tokens, i)) { // &name: assigned wherever the address goes
        if (flags.contains(name) && callArgument(tokens, i - 1, i)) {
          // A lock flag handed to a helper that may drop the lock and clear it: an assignment
          // at the call (counted, so the flag is not stable), after which it still follows.
          assigned.merge(name, 1, Integer::sum);
          seen.passedByAddress(t);
        } else {
          unstable.add(name);
          seen.untracked.add(name);
        }
      }
    }
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, Integer> e : allowed.entrySet()) {
      if (!unstable.contains(e.getKey()) && assigned.getOrDefault(e.getKey(), 0) <= e.getValue()) out.add(e.getKey());
    }
    return out;
  }

  /**
   * Whether the name at {@code tokens[i]} is assigned as {@code *(&name) = value}, at the start of
   * an expression ({@link #BEFORE_DEREFERENCE}).
   */
  private static boolean storeThroughOwnAddress(List<Token> tokens, int i) {
    if (i < 4 || i + 2 >= tokens.size()) return false;
    return tokens.get(i - 1).getType() == CLexer.And && tokens.get(i - 2).getType() == CLexer.LeftParen
        && tokens.get(i - 3).getType() == CLexer.Star && BEFORE_DEREFERENCE.contains(tokens.get(i - 4).getType())
        && tokens.get(i + 1).getType() == CLexer.RightParen && ASSIGNMENTS.contains(tokens.get(i + 2).getType());
  }

  /** Tokens after which a {@code *} can only be a dereference that starts an expression. */
  private static final Set<Integer> BEFORE_DEREFERENCE = Set.of(
      CLexer.Semi, CLexer.LeftBrace, CLexer.RightBrace, CLexer.Assign, CLexer.Colon, CLexer.Question,
      CLexer.LeftParen, CLexer.Else, CLexer.Return, CLexer.Do);

  /**
   * Whether the name at {@code tokens[i]}, followed by an assignment operator, is a dereference's
   * operand ({@code *pte = entry;}): a store through the pointer, which leaves the pointer as it
   * was. {@code T *p = v;} declares {@code p} (the {@code *} follows a type), and stays an
   * assignment; so does anything this cannot tell apart from one ({@code if (x) *p = v;}, where
   * a {@code )} may also end {@code typeof(..) *p = v}).
   */
  private static boolean storeThrough(List<Token> tokens, int i) {
    return i >= 2 && tokens.get(i - 1).getType() == CLexer.Star
        && BEFORE_DEREFERENCE.contains(tokens.get(i - 2).getType());
  }

  /**
   * Whether {@code tokens[from..to]} is a whole argument of a call (not of a macro that assigns
   * it): after {@code (} or {@code ,} of a called name's parentheses, before {@code ,} or {@code )}.
   */
  private static boolean callArgument(List<Token> tokens, int from, int to) {
    if (from < 1 || to + 1 >= tokens.size()) return false;
    int before = tokens.get(from - 1).getType();
    int after = tokens.get(to + 1).getType();
    if (before != CLexer.LeftParen && before != CLexer.Comma || after != CLexer.Comma && after != CLexer.RightParen) {
      return false;
    }
    String callee = enclosingCallee(tokens, from);
    return callee != null && !ASSIGNING_MACROS.contains(callee) && !iteratorMacro(callee);
  }

  /**
   * The member path ending at {@code tokens[i]} ({@code vma -> anon_vma}) as {@code vma->anon_vma},
   * or null when it does not start at a plain name ({@code f(x)->y}, {@code a[i].b}).
   */
  private static String memberPath(List<Token> tokens, int i) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    parts.push(tokens.get(i).getText());
    int k = i - 1;
    while (k >= 1 && (tokens.get(k).getType() == CLexer.Arrow || tokens.get(k).getType() == CLexer.Dot)
        && tokens.get(k - 1).getType() == CLexer.Identifier) {
      parts.push(tokens.get(k - 1).getText());
      k -= 2;
    }
    if (k >= 0 && (tokens.get(k + 1).getType() != CLexer.Identifier || tokens.get(k).getType() == CLexer.Arrow
        || tokens.get(k).getType() == CLexer.Dot || tokens.get(k).getType() == CLexer.RightParen
        || tokens.get(k).getType() == CLexer.RightBracket)) {
      return null;
    }
    return String.join("->", parts);
  }

  /** Whether {@code &} stands before the member path ending at {@code tokens[i]} ({@code &vmf->ptl}). */
  private static boolean memberAddressTaken(List<Token> tokens, int i) {
    int k = i - 1;
    while (k >= 1 && (tokens.get(k).getType() == CLexer.Arrow || tokens.get(k).getType() == CLexer.Dot)
        && tokens.get(k - 1).getType() == CLexer.Identifier) {
      k -= 2;
    }
    int next = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
    if (next == CLexer.Arrow || next == CLexer.Dot || next == CLexer.LeftBracket) return false;
    int root = k + 1;
    if (root == 0 || tokens.get(root - 1).getType() != CLexer.And) return false;
    if (root < 2) return true;
    int before = tokens.get(root - 2).getType();
    return before != CLexer.Identifier && before != CLexer.Constant && before != CLexer.RightBracket
        && before != CLexer.RightParen;
  }

  /**
   * Whether the name at {@code tokens[i]} has its address taken: a unary {@code &} before it, and
   * no member or element after it ({@code &inode->i_lock} takes the address of a member, and
   * {@code inode} keeps its value).
   */
  private static boolean addressTaken(List<Token> tokens, int i) {
    if (i == 0 || tokens.get(i - 1).getType() != CLexer.And) return false;
    int next = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
    if (next == CLexer.Arrow || next == CLexer.Dot || next == CLexer.LeftBracket) return false;
    if (i < 2) return true;
    int before = tokens.get(i - 2).getType();
    // 'a & b' is a bitwise and: the '&' follows an operand. After ')' it may be a cast's
    // ('(void *)&p'), so it counts as taking the address.
    return before != CLexer.Identifier && before != CLexer.Constant && before != CLexer.RightBracket;
  }

  /**
   * Adds the names of the declarators within {@code t} that have an initializer; with {@code
   * prune}, skipping subtrees that hold no {@code ;}, as {@link #declaredNames} does.
   */
  private static void initializedDeclarations(ParseTree t, boolean prune, TokenPresence marks, Set<String> names) {
    if (t instanceof TerminalNode || prune && !marks.mayHold(t)) return;
    if (t instanceof CParser.DeclarationContext || t instanceof CParser.UnknownTypeBlockDeclarationContext) prune = false;
    if (t instanceof CParser.InitDeclaratorContext id) {
      if (initialized(id.initTail())) {
        String name = Declarators.name(id.declarator());
        if (name != null) names.add(name);
      }
    } else if (t instanceof CParser.UnknownTypeBlockDeclarationContext u && initialized(u.initTail())) {
      names.add(u.Identifier(1).getText());
    }
    for (int i = 0; i < t.getChildCount(); i++) initializedDeclarations(t.getChild(i), prune, marks, names);
  }

  private static boolean initialized(CParser.InitTailContext t) {
    return t != null && t.initializer() != null;
  }

  private static void declare(String name, boolean initialized, Map<String, Integer> allowed, Set<String> declaredTwice) {
    if (name == null || name.isEmpty()) return;
    if (allowed.containsKey(name)) declaredTwice.add(name); // shadows a parameter or is declared twice
    allowed.put(name, initialized ? 1 : 0);
  }

  /**
   * Adds the names the declarations within {@code t} declare (a declarator's own name, not those
   * of the parameters inside it), without visiting subtrees that hold no {@code ;}: a declaration
   * ends with one. Below a declaration every node is visited, since its declarators do not hold
   * the {@code ;}. Parameters named in a cast's function type ({@code (void (*)(int a))p}) are no
   * declarations and are not found.
   */
  private static void declaredNames(ParseTree t, boolean prune, TokenPresence marks, List<String> names) {
    if (t instanceof TerminalNode || prune && !marks.mayHold(t)) return;
    if (t instanceof CParser.DeclaratorContext d) {
      String name = Declarators.name(d);
      if (name != null) names.add(name);
      return; // its parameters declare nothing in the body
    }
    if (t instanceof CParser.UnknownTypeBlockDeclarationContext u) names.add(u.Identifier(1).getText());
    if (t instanceof CParser.DeclarationContext || t instanceof CParser.UnknownTypeBlockDeclarationContext
        || t instanceof CParser.StructDeclarationContext) {
      prune = false;
    }
    for (int i = 0; i < t.getChildCount(); i++) declaredNames(t.getChild(i), prune, marks, names);
  }

  /**
   * Collects the tokens of {@code t} in source order and, when {@code declarations}, the names
   * its declarations declare (a declarator's own name, not those of the parameters inside it).
   * The walk when the token list cannot be sliced by index.
   */
  private static void walk(ParseTree t, boolean declarations, List<Token> tokens, List<String> names) {
    if (t instanceof TerminalNode n) {
      tokens.add(n.getSymbol());
      return;
    }
    if (declarations && t instanceof CParser.DeclaratorContext d) {
      String name = Declarators.name(d);
      if (name != null) names.add(name);
      declarations = false;
    } else if (declarations && t instanceof CParser.UnknownTypeBlockDeclarationContext u) {
      names.add(u.Identifier(1).getText());
    }
    for (int i = 0; i < t.getChildCount(); i++) walk(t.getChild(i), declarations, tokens, names);
  }
}
