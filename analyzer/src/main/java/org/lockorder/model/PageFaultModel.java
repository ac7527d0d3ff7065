package org.lockorder.model;

import java.util.List;
import org.lockorder.ir.Mode;

/**
 * What the page-fault handler does when a {@link Op#MAY_FAULT} call faults: it takes
 * {@code lockClass} (mm_struct.mmap_lock) in {@code mode}, then calls every function stored in
 * one of {@code handlerFields} ("vm_operations_struct.fault", "vm_operations_struct.page_mkwrite",
 * ...) anywhere in the analyzed program.
 */
public record PageFaultModel(String lockClass, String kind, Mode mode, List<String> handlerFields) {
  public PageFaultModel {
    handlerFields = List.copyOf(handlerFields);
  }
}
