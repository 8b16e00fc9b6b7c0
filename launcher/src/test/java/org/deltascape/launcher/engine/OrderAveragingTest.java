package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.DeltaCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, test 5, through the whole pipeline on a trained MLP: Monte Carlo averaged over 64
 * data orders matches the permutation mean E_order Δ_k = N/(N−1)·E_θ Var_i l_i / (b·k(k+1)).
 * Seed 3 of RunFixture.SMALL; the z-scores use Monte Carlo's standard error, which holds the
 * spread over orders and samples (the permutation mean uses the same θ, so its own θ-noise is
 * shared and not added).
 */
class OrderAveragingTest {

  /** A pooled z beyond this would reject agreement. */
  private static final double MAX_POOLED_Z = 4;
  private static final double MAX_SINGLE_Z = 5;

  @TempDir Path dir;

  @Test
  void monteCarloOverSixtyFourOrdersMatchesThePermutationMean() {
    RunResult run = RunFixture.run(RunFixture.SMALL,
        List.of("orders=64", "sampler.samples=128", "estimators=[monte-carlo, permutation-mean]"),
        dir.resolve("run"));
    DeltaCurve mc = run.spaces().get(0).estimates().get(0).curve();
    DeltaCurve mean = run.spaces().get(0).estimates().get(1).curve();
    double sumZ = 0;
    double maxZ = 0;
    for (int j = 0; j < mc.steps(); j++) {
      double z = (mc.delta()[j] - mean.delta()[j]) / mc.stdError()[j];
      sumZ += z;
      maxZ = Math.max(maxZ, Math.abs(z));
    }
    double pooled = sumZ / Math.sqrt(mc.steps());
    assertThat(Math.abs(pooled)).as("pooled z over %d k", mc.steps()).isLessThan(MAX_POOLED_Z);
    assertThat(maxZ).as("largest single-k |z|").isLessThan(MAX_SINGLE_Z);
    var plateauMc = run.spaces().get(0).estimates().get(0).plateau();
    var plateauMean = run.spaces().get(0).estimates().get(1).plateau();
    assertThat(Math.abs(plateauMc.value() - plateauMean.value()) / plateauMc.stdError())
        .as("plateau z").isLessThan(MAX_POOLED_Z);
  }
}
