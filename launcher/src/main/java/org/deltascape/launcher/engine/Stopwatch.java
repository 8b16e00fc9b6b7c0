package org.deltascape.launcher.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds per stage, in the order the stages ran. */
final class Stopwatch {

  private final Map<String, Double> laps = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Ends the current stage under {@code name} (added to an earlier lap of that name). */
  void lap(String name) {
    long now = System.nanoTime();
    laps.merge(name, (now - last) / 1e9, Double::sum);
    last = now;
  }

  /** The laps so far. */
  Map<String, Double> laps() {
    return new LinkedHashMap<>(laps);
  }
}
