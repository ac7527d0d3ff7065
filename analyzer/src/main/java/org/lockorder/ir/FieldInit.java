package org.lockorder.ir;

/**
 * A function stored in a struct field by a static initializer:
 * {@code static const struct file_operations ext4_file_operations = { .write_iter =
 * ext4_file_write_iter };} gives structType "file_operations", variable "ext4_file_operations",
 * field "write_iter", function "ext4_file_write_iter". Nested designators join with '.'.
 */
public record FieldInit(
    String structType, String variable, String field, String function, Location location) {}
