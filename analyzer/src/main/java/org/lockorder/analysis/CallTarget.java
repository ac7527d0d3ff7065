package org.lockorder.analysis;

import org.lockorder.ir.Function;
import org.lockorder.ir.Location;

/**
 * A function a call node may reach, and how it was resolved: {@code via} is null for a direct call,
 * otherwise a phrase such as "file_operations.write_iter = ext4_file_write_iter in
 * ext4_file_operations (file.c:90:16)"; {@code storedAt} is where the function was stored into the
 * slot or pointer (null for a direct call). {@code storedIn}: the file systems whose tables or code
 * stored the function there, when all of them belong to one (ADR-003); null for a direct call, a
 * stand-in, or a function stored by shared or stacking code as well.
 */
record CallTarget(Function function, String via, Location storedAt, FileSystemSet storedIn) {

  CallTarget(Function function, String via, Location storedAt) {
    this(function, via, storedAt, null);
  }

  static CallTarget direct(Function function) {
    return new CallTarget(function, null, null, null);
  }

  /**
   * How a witness step says the call at {@code call} reaches the function: {@link #via}, and the
   * macro the call was written as ({@code ext4_journal_stop(handle)} is a call of {@code
   * __ext4_journal_stop}), so the step names what the source shows.
   */
  String viaAt(org.lockorder.ir.Event call) {
    String macro = call instanceof org.lockorder.ir.Event.Call c ? c.macro() : null;
    if (macro == null) return via;
    return via == null ? "the macro " + macro : via + ", in the macro " + macro;
  }
}
