package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * Summaries of callees for calls that pass a constant where the callee branches on the parameter
 * (ADR-007): {@code __filemap_get_folio(mapping, index, 0, 0)} takes no folio lock under {@code if
 * (fgp_flags & FGP_LOCK)}, and {@code hugetlb_unshare_pmds(..., false)} no lock under {@code if
 * (take_locks)}. Such a call gets the callee analyzed again with those parameters bound, its
 * branches on them taking only the side the values select; calls in that analysis that pass the
 * bound parameters on are specialised in turn.
 *
 * <p>Only a callee in an earlier component than the caller is specialised: its summary and those
 * of everything it calls are final by then, and the specialisations of a component depend only on
 * earlier ones, so the result is the same whatever thread computes one first. A specialised
 * analysis records no edges: its paths are a subset of the general analysis's, which recorded them.
 * One instance is shared by every fork of an analysis.
 *
 * <p>A parameter an acquisition passes as its lockdep subclass is specialised the same way
 * (ADR-015): {@code pipe_lock_nested(pipe, I_MUTEX_CHILD)} gets a summary that takes {@code
 * pipe_inode_info.mutex/2}.
 */
final class ConstantArguments {
  /**
   * By function index ({@link AnalysisContext}): bit i when a branch condition reads parameter i,
   * an acquisition names it as its subclass, or the function passes it on to such a parameter of
   * a callee ({@link #decidingParams}).
   */
  private final long[] conditionParams;
  private final Map<Key, Summary> specialised = new ConcurrentHashMap<>();
  private final MacroConstants constants;

  /** A callee and what a call passes it: exact values, and for other parameters the bits they can have. */
  private record Key(int function, List<Long> values, List<Long> masks) {}

  /**
   * @param indexes every function's index
   * @param graph the call graph, whose bottom-up components those indexes follow
   */
  ConstantArguments(Map<Function, Integer> indexes, CallGraph graph, MacroConstants constants) {
    this.constants = constants;
    conditionParams = new long[indexes.size()];
    Map<Function, Long> branched = branchedOn(graph.bottomUpComponents(), graph::callsOf, graph::decidingParams, graph::parametersPassed);
    indexes.forEach((f, i) -> conditionParams[i] = branched.containsKey(f) ? branched.get(f) : graph.decidingParams(f));
  }

  /**
   * By function of {@code bottomUp} (by reference): bit i when a branch condition or an
   * acquisition's subclass reads parameter i ({@link #decidingParams}), or the function passes it
   * on unchanged to such a parameter of a callee ('outer(take_locks)
   * { inner(take_locks); }'): callees first, a recursion until nothing changes. Within a recursion
   * only the callers of a function whose bits grew look again: sweeping the whole of Linux 6.1's
   * largest recursion (8,387 functions) until nothing changed took passes.
   *
   * @param bottomUp the call graph's components, a component's callees before it
   * @param calls a function's call targets by node id ({@link CallGraph#callsOf}): only calls are
   *     visited, since every function's other nodes are many and say nothing here
   * @param deciding {@link #decidingParams}, or a memo of it ({@link CallGraph#decidingParams})
   * @param passed {@link #parametersPassed}, or a memo of it ({@link CallGraph#parametersPassed})
   */
  static Map<Function, Long> branchedOn(
      List<List<Function>> bottomUp,
      java.util.function.Function<Function, Map<Integer, List<CallTarget>>> calls,
      java.util.function.ToLongFunction<Function> deciding,
      java.util.function.Function<Function, int[]> passed) {
    Map<Function, Long> bits = new IdentityHashMap<>();
    for (List<Function> scc : bottomUp) for (Function f : scc) bits.put(f, deciding.applyAsLong(f));
    for (List<Function> scc : bottomUp) {
      if (scc.size() == 1) {
        Function f = scc.get(0);
        bits.put(f, bits.get(f) | passedOn(passed.apply(f), calls.apply(f), bits));
        continue;
      }
      Set<Function> members = Collections.newSetFromMap(new IdentityHashMap<>());
      members.addAll(scc);
      Map<Function, List<Function>> callers = new IdentityHashMap<>();
      for (Function f : scc) {
        for (List<CallTarget> ts : calls.apply(f).values()) {
          for (CallTarget t : ts) {
            if (members.contains(t.function())) callers.computeIfAbsent(t.function(), k -> new ArrayList<>()).add(f);
          }
        }
      }
      ArrayDeque<Function> work = new ArrayDeque<>(scc);
      Set<Function> queued = Collections.newSetFromMap(new IdentityHashMap<>());
      queued.addAll(scc);
      while (!work.isEmpty()) {
        Function f = work.poll();
        queued.remove(f);
        long before = bits.get(f);
        long after = before | passedOn(passed.apply(f), calls.apply(f), bits);
        if (after == before) continue;
        bits.put(f, after);
        for (Function c : callers.getOrDefault(f, List.of())) if (queued.add(c)) work.add(c);
      }
    }
    return bits;
  }

  /**
   * The parameters of a function that it passes, as they are, where a callee branches on them: in
   * direct calls and in calls through ops tables ({@code gl->gl_ops->go_callback(gl, remote)} in
   * 6.1's gfs2 {@code handle_callback}, whose callers pass {@code remote} false).
   *
   * @param passed the function's {@link #parametersPassed}
   */
  private static long passedOn(int[] passed, Map<Integer, List<CallTarget>> calls, Map<Function, Long> bits) {
    long out = 0;
    for (int i = 0; i < passed.length; i += 3) {
      long param = 1L << passed[i + 2];
      if ((out & param) != 0) continue;
      List<CallTarget> targets = calls.get(passed[i]);
      if (targets == null) continue;
      long argument = 1L << passed[i + 1];
      for (CallTarget t : targets) {
        if ((bits.getOrDefault(t.function(), 0L) & argument) != 0) {
          out |= param;
          break;
        }
      }
    }
    return out;
  }

  /**
   * Where {@code f} passes a parameter on as it is: for each such argument, the call's node, the
   * argument's index and the parameter's (the first 64 of each), three ints apiece. {@link
   * #branchedOn} looks at a function's calls once per change of its callees' bits, and most calls
   * pass no parameter on: looking through every call's targets and arguments at each look was most
   * of its time.
   */
  private static final int[] NONE_PASSED = new int[0];

  static int[] parametersPassed(Function f) {
    if (f.params().isEmpty()) return NONE_PASSED;
    IntList out = new IntList();
    // Indexed loops: a re-run calls this once per function, mostly before the JIT's optimizing
    // compiler, and the iterators were 40 MB of its garbage.
    List<Node> nodes = f.cfg().nodes();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      List<Arg> args = org.lockorder.ir.Event.callArgs(n.event());
      if (args == null) continue;
      for (int k = 0; k < args.size() && k < Long.SIZE; k++) {
        String text = args.get(k).text();
        for (int j = 0; j < f.params().size() && j < Long.SIZE; j++) {
          if (!text.equals(f.params().get(j).name())) continue;
          out.add(n.id());
          out.add(k);
          out.add(j);
        }
      }
    }
    return out.toArray();
  }

  /**
   * The parameters (bit per index, the first 64) whose value a call's constant decides something
   * by: those a branch condition reads, and those an acquisition names as its lockdep subclass
   * ({@code mutex_lock_nested(&pipe->mutex, subclass)} in 6.1's {@code pipe_lock_nested}), whose
   * specialised summary then takes the subclass the caller passed (ADR-015).
   */
  static long decidingParams(Function f) {
    return conditionParams(f) | subclassParams(f);
  }

  /**
   * The parameters (bit per index, the first 64) that an acquisition of {@code f} passes as its
   * subclass, of those the body never changes ({@link Function#stable}).
   */
  static long subclassParams(Function f) {
    long out = 0;
    for (Node n : f.cfg().nodes()) {
      if (!(n.event() instanceof org.lockorder.ir.Event.Acquire a) || a.lock() == null || a.lock().subclass() == null) continue;
      java.util.Set<String> names = subclassNames(a.lock().subclass().text());
      for (int i = 0; i < f.params().size() && i < Long.SIZE; i++) {
        String name = f.params().get(i).name();
        if (names.contains(name) && f.stable().contains(name)) out |= 1L << i;
      }
    }
    return out;
  }

  /** The names a subclass expression reads ({@code XFS_IOLOCK_DEP(lock_flags)}: both). */
  static java.util.Set<String> subclassNames(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String t : ConditionValue.tokens(text)) {
      if (!t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) out.add(t);
    }
    return out;
  }

  /**
   * The value of the subclass expression {@code text} (an acquisition's, as written) where {@code
   * bound} gives some of {@code fn}'s parameters values (ADR-015): the value of a parameter named
   * alone, else of an expression that reads one of them with the headers' macros, function-like
   * ones included, and {@code enums}; null when it reads none of them or is not known.
   */
  static Long subclassValue(String text, Function fn, Map<String, Long> bound, MacroConstants constants, Map<String, Long> enums) {
    if (bound.isEmpty()) return null;
    if (bound.containsKey(text)) return fn.stable().contains(text) ? bound.get(text) : null;
    Map<String, Long> names = null;
    for (String name : subclassNames(text)) {
      if (!bound.containsKey(name)) continue;
      if (!fn.stable().contains(name)) return null;
      if (names == null) names = new HashMap<>();
      names.put(name, bound.get(name));
    }
    // Over the enums, not a copy of them: a file's enum constants are thousands, and the simulator
    // asks this at every acquisition with a subclass its walk passes.
    return names == null ? null : constants.valueOf(text, new Program.Layered(names, enums));
  }

  /** The parameters (bit per index, the first 64) that some branch condition of {@code f} reads. */
  static long conditionParams(Function f) {
    long out = 0;
    for (Node n : f.cfg().nodes()) {
      if (n.condition() == null) continue;
      String expression = n.condition().expression();
      for (int i = 0; i < f.params().size() && i < Long.SIZE; i++) {
        if (hasToken(expression, f.params().get(i).name())) out |= 1L << i;
      }
    }
    return out;
  }

  /**
   * Whether {@code token} is one of the space-separated tokens of {@code text}, as {@code
   * text.split(" ")} gives them (an empty token is one only between two spaces or before the
   * first): without the array and the strings, since every condition of every function is read.
   */
  static boolean hasToken(String text, String token) {
    if (token.isEmpty()) return text.isEmpty() || text.startsWith(" ") || text.contains("  ");
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int end = at + token.length();
      if ((at == 0 || text.charAt(at - 1) == ' ') && (end == text.length() || text.charAt(end) == ' ')) return true;
    }
    return false;
  }

  /** Whether the function with this index branches on a parameter (so a call may be specialised). */
  boolean branchesOnParameters(int function) {
    return conditionParams[function] != 0;
  }

  /** Whether the function with this index decides something by its parameter {@code param}'s value. */
  boolean decides(int function, int param) {
    return param < Long.SIZE && (conditionParams[function] & (1L << param)) != 0;
  }

  /** Specialisations computed so far (--timings). */
  int count() {
    return specialised.size();
  }

  /**
   * The summary of {@code callee} for a call with {@code args}, made in a function whose own
   * parameters have the values {@code bound} (empty for a general analysis), whose variables in
   * {@code masks} can only have those bits (ADR-007 later: flag bits), and whose file declares the
   * enum constants {@code enums}; null when the call passes no known value or mask to a parameter
   * the callee branches on.
   */
  Summary summaryFor(
      AnalysisContext ctx, Function callee, int calleeIndex, List<Arg> args, Map<String, Long> bound,
      Map<String, Long> masks, Map<String, Long> enums) {
    long params = conditionParams[calleeIndex];
    if (params == 0) return null;
    int n = Math.min(args.size(), Long.SIZE);
    Long[] values = new Long[n];
    Long[] maskValues = new Long[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if ((params & (1L << i)) == 0 || i >= callee.params().size() || callee.params().get(i).name().isEmpty()) continue;
      values[i] = valueOf(args.get(i), bound, constants, enums);
      if (values[i] == null) maskValues[i] = masks.get(args.get(i).text());
      any |= values[i] != null || maskValues[i] != null;
    }
    if (!any) return null;
    Key key = new Key(calleeIndex, Arrays.asList(values), Arrays.asList(maskValues));
    Summary s = specialised.get(key);
    if (s != null) return s;
    Map<String, Long> names = new HashMap<>();
    Map<String, Long> maskNames = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (values[i] != null) names.put(callee.params().get(i).name(), values[i]);
      if (maskValues[i] != null) maskNames.put(callee.params().get(i).name(), maskValues[i]);
    }
    // Not computeIfAbsent: the analysis specialises its own callees through this map. Two threads
    // may compute one key at once; both get the same summary, and the first is kept.
    s = new FunctionAnalyzer(ctx.fork(), callee, Map.copyOf(names), Map.copyOf(maskNames)).run();
    s.forEachSite(site -> {
      if (site != null) CallChain.markSpecialised(site.calls());
    });
    Summary first = specialised.putIfAbsent(key, s);
    return first != null ? first : s;
  }

  /**
   * The value an argument passes: an integer literal, {@code false}, {@code true}, {@code NULL},
   * a parameter of the calling function whose value is bound, or an expression of literals and
   * the headers' macro constants ({@code XFS_ILOCK_EXCL | XFS_IOLOCK_EXCL}) or the calling
   * file's enum constants; else null.
   */
  static Long valueOf(Arg a, Map<String, Long> bound, MacroConstants constants, Map<String, Long> enums) {
    if (a.constant() != null) return a.constant();
    return switch (a.text()) {
      case "false", "NULL" -> 0L;
      case "true" -> 1L;
      default -> bound.containsKey(a.text()) ? bound.get(a.text()) : constants.valueOf(a.text(), enums);
    };
  }

  /** The headers' macro constants, for the conditions of specialised analyses. */
  MacroConstants constants() {
    return constants;
  }
}
