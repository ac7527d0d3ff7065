package org.lockorder.pipeline;

/** Where the pipeline reports how far it got; the CLI shows it on a terminal. */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = new Progress() {};

  /** A stage with {@code total} units of work begins ("parsing", 120 files). */
  default void stage(String name, int total) {}

  /** {@code done} units of the current stage are finished. */
  default void advance(int done) {}

  /** The run is over; clear whatever was shown. */
  default void finish() {}
}
