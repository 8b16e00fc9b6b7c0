package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.DeltaCurve;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 on real data: Debian's dataset-fashion-mnist (installed by .ci/run). An MLP trained on
 * the first 2,000 training images is a real classifier on the 10,000 test images, and Monte Carlo
 * over 64 orders agrees with the permutation mean (seed 11; z from Monte Carlo's standard error).
 */
class FashionMnistRunTest {

  private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  private static final double MIN_TEST_ACCURACY = 0.75;
  private static final double MAX_POOLED_Z = 4;

  @TempDir Path dir;

  @BeforeAll
  static void dataIsInstalled() {
    assertThat(DEBIAN.resolve("train-images-idx3-ubyte.gz"))
        .as("Fashion-MNIST is missing: run `apt-get install -y dataset-fashion-mnist` (.ci/run does)")
        .exists();
  }

  @Test
  void anMlpOnTwoThousandImagesIsARealClassifierAndOrdersAverageToThePermutationMean() throws Exception {
    String config = String.join("\n",
        "name: fashion",
        "seed: 11",
        "dataset: { id: fashion-mnist, limit: 2000, download: false }",
        "model: { id: mlp, hidden: [64], activation: relu }",
        "training: { epochs: 8, batch-size: 32, learning-rate: 1.0e-3 }",
        "spaces: [{ id: random, dim: 4 }]",
        "sampler: { sigma: 0.5, samples: 64 }",
        "orders: 64",
        "estimators: [monte-carlo, permutation-mean]",
        "k: { step: 20 }",
        "threshold: 1.0e-4",
        "");
    RunResult run = RunFixture.run(config, List.of(), dir.resolve("run"));
    assertThat(run.data().examples()).isEqualTo(2000);
    assertThat(run.model().test().examples()).isEqualTo(10000);
    assertThat(run.model().test().accuracy()).isGreaterThan(MIN_TEST_ACCURACY);

    DeltaCurve mc = run.spaces().get(0).estimates().get(0).curve();
    DeltaCurve mean = run.spaces().get(0).estimates().get(1).curve();
    double sumZ = 0;
    for (int j = 0; j < mc.steps(); j++) {
      sumZ += (mc.delta()[j] - mean.delta()[j]) / mc.stdError()[j];
    }
    assertThat(Math.abs(sumZ / Math.sqrt(mc.steps()))).as("pooled z").isLessThan(MAX_POOLED_Z);
    assertThat(Files.readString(dir.resolve("run/summary.json")))
        .contains("\"dataset_sha256\" : \"" + run.data().sha256() + "\"");
  }
}
