package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.CType;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Function;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.Prototype;
import org.lockorder.ir.StructDef;

/** What the extractors collect from one file, in file order, before it becomes immutable IR. */
final class UnitParts {
  final List<Function> functions = new ArrayList<>();
  final List<Prototype> prototypes = new ArrayList<>();
  final List<StructDef> structs = new ArrayList<>();
  final Map<String, CType> typedefs = new LinkedHashMap<>();
  final List<GlobalVar> globals = new ArrayList<>();
  final List<FieldInit> fieldInits = new ArrayList<>();
  final Map<String, Long> enumConstants = new LinkedHashMap<>();
}
