package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose passes' blocks are Spark tasks writes the single-JVM engine's tidy table. */
class SparkSweepTest {

  @TempDir Path dir;

  @Test
  void aSweepOfEightPointsByBlocksInLocalModeWritesTheSingleJvmEnginesTable() throws IOException {
    String yaml = SparkRuns.SMALL
        .replace("spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
            "spaces: [{ id: random, dim: 2 }]")
        .replace("samples: 448", "samples: 128")
        .replace("estimators: [monte-carlo, monte-carlo-cv]", "estimators: [monte-carlo]")
        + "sweep: { spaces.0.dim: [1, 2], sampler.sigma: [0.1, 0.2, 0.3, 0.4] }\n";
    Path config = SparkRuns.write(dir, "sweep.yaml", yaml);
    SparkRuns.run(config, dir.resolve("local"));
    MonteCarloTaskListener.reset();
    SparkRuns.run(config, dir.resolve("spark"), "--set",
        SparkRuns.spark("local[2]", 2, "blocks", ""));

    assertThat(Files.readAllBytes(dir.resolve("spark/delta.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("local/delta.csv")));
    assertThat(Files.readAllLines(dir.resolve("spark/delta.csv")))
        .hasSize(1 + 8 * 59)
        .first().asString().endsWith(",spaces.0.dim,sampler.sigma");
    // each point's pass (2 blocks of 64) ran as two Spark tasks
    assertThat(MonteCarloTaskListener.TASKS).extracting(MonteCarloTaskListener.Task::job)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 8).boxed()
            .flatMap(point -> java.util.stream.Stream.of(point, point))
            .map(point -> "Monte Carlo in space random of point " + point).toList());
  }
}
