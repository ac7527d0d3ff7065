package org.lockorder.ir;

import java.util.List;
import java.util.Map;

/**
 * A function definition.
 *
 * @param locals variables declared anywhere in the body (first declaration wins)
 * @param annotations sparse annotations from the definition and its declarator
 * @param assignments function-pointer stores and lock aliases seen in the body
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
    Cfg cfg) {

  public Function {
    params = List.copyOf(params);
    locals = Map.copyOf(locals);
    annotations = List.copyOf(annotations);
    assignments = List.copyOf(assignments);
  }
}
