package org.deltascape.estimators.samplers;

import org.deltascape.api.ConfigKey;
import org.deltascape.api.Settings;

/**
 * The {@code sigma-scale} key every sampler shares: {@code absolute} (default) uses the scale
 * parameter (σ, or the radius r) as given; {@code per-dimension} divides it by √D, so that
 * {@code E‖Pθ‖² = D·E θ_d²} stays the same across a sweep over D (issue 4, "Samplers"). Stateless.
 */
public final class SigmaScale {

  /** The key, with its two choices. */
  public static final ConfigKey KEY =
      ConfigKey.choice(
          "sigma-scale",
          "absolute",
          "absolute: the scale as given; per-dimension: the scale divided by √D",
          "absolute",
          "per-dimension");

  private SigmaScale() {}

  /**
   * The scale to use in dimension D: {@code scale} or {@code scale/√D}.
   *
   * @throws org.deltascape.api.DeltascapeException when the value is neither choice
   */
  public static double apply(Settings settings, double scale, int dimension) {
    String value = settings.has(KEY.name()) ? settings.string(KEY.name()) : "absolute";
    return switch (value) {
      case "absolute" -> scale;
      case "per-dimension" -> scale / Math.sqrt(dimension);
      default ->
          throw settings.invalid(
              KEY.name(),
              "expected absolute or per-dimension",
              "Use sigma-scale: absolute or sigma-scale: per-dimension");
    };
  }
}
