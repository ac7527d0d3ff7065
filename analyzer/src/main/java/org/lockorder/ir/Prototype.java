package org.lockorder.ir;

import java.util.List;

/** A function declaration without a body; it can carry sparse annotations and a return type. */
public record Prototype(
    String name,
    Location location,
    CType returnType,
    List<Param> params,
    List<LockAnnotation> annotations) {

  public Prototype {
    params = List.copyOf(params);
    annotations = List.copyOf(annotations);
  }
}
