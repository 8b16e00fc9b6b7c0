package org.deltascape.api;

/**
 * Where long computations report how far they are. The launcher shows a progress bar on stderr
 * for any task that lasts more than a couple of seconds; tests pass {@link #silent()}.
 * Implementations are thread-safe.
 */
public interface Progress {

  /**
   * Starts a task of {@code total} units ({@code "epochs"}, {@code "samples"}); close it when done.
   *
   * @param what a few words naming the task ({@code "training mlp"})
   * @param total the number of units, or -1 when unknown
   * @param unit the unit's name, plural
   */
  Task start(String what, long total, String unit);

  /** A running task. */
  interface Task extends AutoCloseable {
    /** Marks {@code units} more units done. */
    void advance(long units);

    /** Replaces the short status text shown after the counts ({@code "loss 0.231"}). */
    default void status(String text) {}

    /** Ends the task. */
    @Override
    void close();
  }

  /** A progress sink that shows nothing. */
  static Progress silent() {
    return (what, total, unit) ->
        new Task() {
          @Override
          public void advance(long units) {}

          @Override
          public void close() {}
        };
  }
}
