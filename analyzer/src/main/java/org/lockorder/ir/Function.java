package org.lockorder.ir;

import java.util.List;
import java.util.Map;

/**
 * A function definition.
 *
 * @param locals variables declared anywhere in the body (first declaration wins)
 * @param annotations sparse annotations from the definition and its declarator
 * @param assignments function-pointer stores and lock aliases seen in the body
 * @param pointerSince by local variable or parameter whose assignments the body shows: where a
 *     lock taken through it starts to count as taken through its current value (its last
 *     assignment in source order, the first for a relocked variable; the function's own location
 *     when the body never assigns it). ADR-006 reads it where no branch tests the variable.
 * @param resultCalls by local variable: where the calls are whose result it is assigned, in
 *     source order ({@code page = find_lock_page(...)}); ADR-006 counts what such a call returned
 *     holding as taken through a pointer or {@code bool} variable
 * @param bitFlags by local used as a set of flag bits: every change assigns a constant expression,
 *     or-s one in ({@code ilock_flags |= BTRFS_ILOCK_TRY}) or ands it with anything; those
 *     constants as condition text. The variable never has a bit outside their union (ADR-007
 *     later: flag bits)
 * @param constantLocals of those, by local only ever assigned one constant: that constant's text.
 *     The variable holds its value wherever a read of it is defined
 * @param stable variables whose value is the one they start the body with: parameters never
 *     assigned and locals of the outermost block assigned only by their initializer (ADR-004's
 *     stable variables)
 * @param storedMembers member paths the body assigns, steps or takes the address of, written
 *     {@code root->field->field} whatever the operators ({@code m->op = ...})
 */
public record Function(
    String name,
    Location location,
    boolean isStatic,
    CType returnType,
    List<Param> params,
    Map<String, CType> locals,
    List<LockAnnotation> annotations,
    List<Assignment> assignments,
    Cfg cfg,
    Map<String, Location> pointerSince,
    Map<String, List<Location>> resultCalls,
    Map<String, List<String>> bitFlags,
    Map<String, String> constantLocals,
    java.util.Set<String> stable,
    java.util.Set<String> storedMembers) {

  public Function {
    params = List.copyOf(params);
    locals = Map.copyOf(locals);
    annotations = List.copyOf(annotations);
    assignments = List.copyOf(assignments);
    pointerSince = Map.copyOf(pointerSince);
    resultCalls = Map.copyOf(resultCalls);
    bitFlags = Map.copyOf(bitFlags);
    constantLocals = Map.copyOf(constantLocals);
    stable = java.util.Set.copyOf(stable);
    storedMembers = java.util.Set.copyOf(storedMembers);
  }

  public Function(
      String name, Location location, boolean isStatic, CType returnType, List<Param> params, Map<String, CType> locals,
      List<LockAnnotation> annotations, List<Assignment> assignments, Cfg cfg, Map<String, Location> pointerSince,
      Map<String, List<Location>> resultCalls, Map<String, List<String>> bitFlags, Map<String, String> constantLocals) {
    this(name, location, isStatic, returnType, params, locals, annotations, assignments, cfg, pointerSince, resultCalls,
        bitFlags, constantLocals, java.util.Set.of(), java.util.Set.of());
  }

  public Function(
      String name, Location location, boolean isStatic, CType returnType, List<Param> params, Map<String, CType> locals,
      List<LockAnnotation> annotations, List<Assignment> assignments, Cfg cfg, Map<String, Location> pointerSince,
      Map<String, List<Location>> resultCalls) {
    this(name, location, isStatic, returnType, params, locals, annotations, assignments, cfg, pointerSince, resultCalls,
        Map.of(), Map.of());
  }

  /** The same code as another function object: a copy the call graph gives some of its calls. */
  public Function copy() {
    return withCfg(cfg);
  }

  /** This function with another control-flow graph (the lock API lowered). */
  public Function withCfg(Cfg other) {
    return new Function(name, location, isStatic, returnType, params, locals, annotations, assignments, other,
        pointerSince, resultCalls, bitFlags, constantLocals, stable, storedMembers);
  }

  public Function(
      String name, Location location, boolean isStatic, CType returnType, List<Param> params, Map<String, CType> locals,
      List<LockAnnotation> annotations, List<Assignment> assignments, Cfg cfg, Map<String, Location> pointerSince) {
    this(name, location, isStatic, returnType, params, locals, annotations, assignments, cfg, pointerSince, Map.of());
  }

  /** A function without {@link #pointerSince} (synthetic functions, tests). */
  public Function(
      String name, Location location, boolean isStatic, CType returnType, List<Param> params, Map<String, CType> locals,
      List<LockAnnotation> annotations, List<Assignment> assignments, Cfg cfg) {
    this(name, location, isStatic, returnType, params, locals, annotations, assignments, cfg, Map.of());
  }
}
