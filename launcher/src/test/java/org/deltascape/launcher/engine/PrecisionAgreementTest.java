package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.DeltaCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: the float32 path (precision: float, the fast Monte Carlo path) equals the float64
 * path to {@value #FLOAT_VS_DOUBLE} relative in Δ_k, at σ = 0.01 and σ = 1, for the same w*
 * (trained once in float64 and loaded by both), the same directions and the same θ. Reference:
 * the float64 run.
 */
class PrecisionAgreementTest {

  /** Relative agreement of Δ_k, float32 against float64 (issue 6). */
  static final double FLOAT_VS_DOUBLE = 1e-3;

  private static final String CONFIG = String.join("\n",
      "name: precision",
      "seed: 5",
      "dataset: { id: digits, limit: 640 }",
      "model: { id: mlp, hidden: [32, 16], activation: relu }",
      "training: { epochs: 4, batch-size: 32, learning-rate: 0.01 }",
      "spaces: [{ id: random, dim: 4 }]",
      "sampler: { id: gaussian, sigma: 1.0, samples: 64 }",
      "orders: 4",
      "estimators: [monte-carlo, quadratic]",
      "k: { step: 32 }",
      "threshold: 1.0e-4",
      "");

  @TempDir Path dir;

  @Test
  void floatDeltaEqualsDoubleDeltaAtSmallAndUnitSigma() {
    RunFixture.run(CONFIG, List.of("precision=double"), dir.resolve("trained"));
    String weights = "model.weights=" + dir.resolve("trained/weights.npy");
    for (String sigma : List.of("0.01", "1.0")) {
      RunResult wide = RunFixture.run(CONFIG,
          List.of("precision=double", weights, "sampler.sigma=" + sigma), dir.resolve("d" + sigma));
      RunResult narrow = RunFixture.run(CONFIG,
          List.of("precision=float", weights, "sampler.sigma=" + sigma), dir.resolve("f" + sigma));
      for (int e = 0; e < 2; e++) {
        DeltaCurve reference = wide.spaces().get(0).estimates().get(e).curve();
        DeltaCurve actual = narrow.spaces().get(0).estimates().get(e).curve();
        for (int j = 0; j < reference.steps(); j++) {
          assertThat(Math.abs(actual.delta()[j] - reference.delta()[j]) / reference.delta()[j])
              .as("estimator %d, σ %s, k %d", e, sigma, j + 1)
              .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
        }
      }
    }
  }
}
