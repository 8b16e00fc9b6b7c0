package org.deltascape.launcher.output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spread of one number over replicates: mean, sample standard deviation (divisor n − 1), min
 * and max of its finite values. Non-finite values (a replicate whose K(ε) was not reached, an
 * accuracy a regression has not) are left out and counted out of {@link #count()}.
 *
 * @param count the finite values
 * @param mean their mean, NaN when there are none
 * @param sd their sample standard deviation, NaN with fewer than two
 * @param min the smallest, NaN when there are none
 * @param max the largest, NaN when there are none
 */
public record Spread(int count, double mean, double sd, double min, double max) {

  /** The spread of the finite values of {@code values}. */
  public static Spread of(double... values) {
    int n = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      if (Double.isFinite(value)) {
        n++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    if (n == 0) {
      return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    double squares = 0;
    for (double value : values) {
      if (Double.isFinite(value)) {
        squares += (value - mean) * (value - mean);
      }
    }
    return new Spread(n, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN, min, max);
  }

  /** {@code {mean, sd, min, max}} for summary.json, non-finite numbers as null. */
  public Map<String, Object> json() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mean", finite(mean));
    map.put("sd", finite(sd));
    map.put("min", finite(min));
    map.put("max", finite(max));
    return map;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
