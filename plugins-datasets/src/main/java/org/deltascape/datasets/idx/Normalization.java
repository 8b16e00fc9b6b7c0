package org.deltascape.datasets.idx;

import java.util.Map;
import java.util.Set;

/**
 * How pixel bytes become features: {@code unit} maps 0..255 to [0, 1]; {@code {mean, std}} maps a
 * pixel p to {@code (p/255 − mean)/std} (the mean and standard deviation of p/255 over the
 * training images). Applied as {@code p · scale + offset} when a batch is built.
 *
 * @param scale multiplier of the byte value
 * @param offset added after scaling
 * @param text how the config said it, for notes
 */
public record Normalization(double scale, double offset, String text) {
  /** What a {@code normalize} value must look like, for messages. */
  public static final String EXPECTED =
      "expected unit or {mean: M, std: S} with finite M and finite S > 0";

  /** Pixels divided by 255. */
  public static Normalization unit() {
    return new Normalization(1.0 / 255, 0, "unit");
  }

  /** Pixels standardised by a mean and standard deviation of p/255. */
  public static Normalization standard(double mean, double std) {
    return new Normalization(
        1.0 / (255 * std), -mean / std, "{mean: " + mean + ", std: " + std + "}");
  }

  /**
   * Reads a config value: {@code "unit"} or a map with exactly the numbers {@code mean} and
   * {@code std}.
   *
   * @return the normalization, or null when the value has neither form
   */
  public static Normalization parse(Object value) {
    if ("unit".equals(value)) {
      return unit();
    }
    if (value instanceof Map<?, ?> map && map.keySet().equals(Set.of("mean", "std"))
        && map.get("mean") instanceof Number mean && map.get("std") instanceof Number std) {
      double m = mean.doubleValue();
      double s = std.doubleValue();
      if (Double.isFinite(m) && Double.isFinite(s) && s > 0) {
        return standard(m, s);
      }
    }
    return null;
  }
}
