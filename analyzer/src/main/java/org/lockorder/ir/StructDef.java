package org.lockorder.ir;

import java.util.Map;

/** A struct or union definition: its tag and its fields' types in declaration order. */
public record StructDef(String tag, boolean union, Map<String, CType> fields, Location location) {}
