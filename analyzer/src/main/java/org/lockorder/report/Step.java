package org.lockorder.report;

/**
 * One step of a thread's witness.
 *
 * @param event "entry" (the thread starts in {@code function}), "call" ({@code function} calls
 *     {@code detail}), or "acquire" ({@code function} takes {@code lock} with {@code detail})
 * @param lock the lock class for "acquire", else null
 * @param mode W, r or R for "acquire", else null
 * @param via how an indirect or implicit call was resolved, or null
 * @param depth call depth below the thread's entry function
 */
public record Step(
    String file,
    int line,
    int column,
    String function,
    String event,
    String lock,
    String mode,
    String detail,
    String via,
    int depth) {}
