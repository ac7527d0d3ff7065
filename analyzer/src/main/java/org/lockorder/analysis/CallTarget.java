package org.lockorder.analysis;

import org.lockorder.ir.Function;
import org.lockorder.ir.Location;

/**
 * A function a call node may reach, and how it was resolved: {@code via} is null for a direct call,
 * otherwise a phrase such as "file_operations.write_iter = ext4_file_write_iter in
 * ext4_file_operations (file.c:90:16)"; {@code storedAt} is where the function was stored into the
 * slot or pointer (null for a direct call). {@code storedIn}: the file systems whose tables or code
 * stored the function there, when all of them belong to one (ADR-003); null for a direct call, a
 * stand-in, or a function stored by shared or stacking code as well. {@code tables}: the ops
 * tables the program initialises with the function in that slot ({@link CallGraph#tableId}), so
 * that two calls through one pointer reach one table ({@link OpsChoice}); null when it is also (or
 * only) stored at run time, and for any call that is not through a slot.
 */
record CallTarget(Function function, String via, Location storedAt, FileSystemSet storedIn, TableSet tables) {

  CallTarget(Function function, String via, Location storedAt) {
    this(function, via, storedAt, null, null);
  }

  CallTarget(Function function, String via, Location storedAt, FileSystemSet storedIn) {
    this(function, via, storedAt, storedIn, null);
  }

  static CallTarget direct(Function function) {
    return new CallTarget(function, null, null, null, null);
  }

  /** This target calling {@code other} instead (a copy of the function, or its original). */
  CallTarget calling(Function other) {
    return new CallTarget(other, via, storedAt, storedIn, tables);
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
