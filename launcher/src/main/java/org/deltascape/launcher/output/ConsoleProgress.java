package org.deltascape.launcher.output;

import java.io.PrintStream;
import java.util.Locale;
import org.deltascape.api.Progress;

/**
 * Progress on stderr for tasks that last more than a couple of seconds: a line that redraws
 * itself on a terminal, and a line every ten seconds in a log. Quick tasks print nothing.
 *
 * <p>Hand-written rather than a progress-bar library: it is forty lines, it must stay silent for
 * short tasks and readable in CI logs, and it adds no dependency to every plugin author's
 * classpath.
 */
public final class ConsoleProgress implements Progress {

  private static final long QUIET_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final boolean terminal;

  public ConsoleProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public Task start(String what, long total, String unit) {
    long start = System.nanoTime();
    return new Task() {
      private long done;
      private long printedDone = -1;
      private long lastPrint;
      private boolean printed;
      private String status = "";

      @Override
      public synchronized void advance(long units) {
        done += units;
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 10_000_000_000L;
        if (now - start > QUIET_NANOS && now - lastPrint > interval) {
          print(now, false);
          lastPrint = now;
        }
      }

      @Override
      public synchronized void status(String text) {
        status = text == null ? "" : text;
      }

      @Override
      public synchronized void close() {
        if (printed && printedDone != done) {
          print(System.nanoTime(), true);
        } else if (printed && terminal) {
          err.println();
        }
      }

      private void print(long now, boolean last) {
        double seconds = (now - start) / 1e9;
        String counts = total > 0 ? done + "/" + total : Long.toString(done);
        String bar = total > 0 ? bar((double) done / total) + " " : "";
        String line = String.format(Locale.ROOT, "%s %s%s %s  %.1fs%s", what, bar, counts, unit,
            seconds, status.isEmpty() ? "" : "  " + status);
        if (terminal) {
          err.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
          err.println(line);
        }
        err.flush();
        printed = true;
        printedDone = done;
      }
    };
  }

  private static String bar(double fraction) {
    int width = 24;
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
