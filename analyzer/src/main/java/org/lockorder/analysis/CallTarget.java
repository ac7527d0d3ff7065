package org.lockorder.analysis;

import org.lockorder.ir.Function;

/**
 * A function a call node may reach, and how it was resolved: null for a direct call, otherwise a
 * phrase such as "file_operations.write_iter = ext4_file_write_iter (ext4_file_operations,
 * file.c:90:16)".
 */
record CallTarget(Function function, String via) {}
