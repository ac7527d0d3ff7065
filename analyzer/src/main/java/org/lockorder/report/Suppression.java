package org.lockorder.report;

/**
 * An in-source suppression ({@code lockorder-ignore LO001: reason}) that covers a finding.
 *
 * @param justification the reason written after the colon
 * @param file where the comment is
 * @param line the comment's line
 * @param column the column of "lockorder-ignore"
 */
public record Suppression(String justification, String file, int line, int column) {}
