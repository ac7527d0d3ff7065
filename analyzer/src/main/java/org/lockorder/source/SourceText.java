package org.lockorder.source;

/**
 * A decoded input file ready for a frontend.
 *
 * @param path the file as the user named it (used in every message)
 * @param text its contents; undecodable bytes were replaced, and a diagnostic said so
 */
public record SourceText(String path, String text) {}
