package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole points of a sweep (or of replicates) as Spark tasks, each task running its points with the
 * single-JVM engine from the fits and directions the driver prepared: the run folder is the
 * single-JVM engine's, byte for byte, and a retried task changes nothing.
 */
class SparkPointsTest {

  /** 8 points: a Hessian space nested in D (solved once, at D = 2, on the driver) × 4 σ; S = 128. */
  private static final String SWEEP = SparkRuns.SMALL
      .replace("spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
          "spaces: [{ id: hessian, dim: 2 }]")
      .replace("samples: 448", "samples: 128")
      .replace("estimators: [monte-carlo, monte-carlo-cv]", "estimators: [monte-carlo]")
      + "sweep: { spaces.0.dim: [1, 2], sampler.sigma: [0.1, 0.2, 0.3, 0.4] }\n";

  @TempDir static Path dir;

  private static Path sweep;

  @BeforeAll
  static void runTheSweepWithTheSingleJvmEngine() throws IOException {
    sweep = SparkRuns.write(dir, "sweep.yaml", SWEEP);
    SparkRuns.run(sweep, dir.resolve("local"));
  }

  @Test
  void aSweepOfEightPointsAsWholePointsInLocalModeWritesTheSingleJvmEnginesFiles()
      throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("points");
    SparkRuns.run(sweep, folder, "--set", SparkRuns.spark("local[2]", 2, "points", ""));

    DeltaTables.assertSameFiles(folder, dir.resolve("local"));
    assertThat(folder.resolve("spectrum.csv")).exists();
    // one job of two tasks, points {0, 2, 4, 6} and {1, 3, 5, 7}; no Monte Carlo job of blocks
    assertThat(MonteCarloTaskListener.TASKS).hasSize(2).allSatisfy(task -> {
      assertThat(task.job()).isEqualTo("Points of the sweep (8 points in 2 tasks)");
      assertThat(task.successful()).isTrue();
      assertThat(task.attempt()).isZero();
    });
    assertThat(MonteCarloTaskListener.TASKS).extracting(MonteCarloTaskListener.Task::partition)
        .containsExactlyInAnyOrder(0, 1);
    JsonNode points = new ObjectMapper().readTree(folder.resolve("summary.json").toFile())
        .path("points");
    assertThat(points).hasSize(8).allSatisfy(point -> {
      JsonNode engine = point.path("provenance").path("engine");
      assertThat(engine.path("distribute").asText()).isEqualTo("points");
      assertThat(engine.path("distribute_setting").asText()).isEqualTo("points");
      assertThat(engine.path("task_nd4j_threads").asInt()).isEqualTo(1);
    });
  }

  @Test
  void aPointTaskWhoseFirstAttemptFailsIsRetriedAndChangesNoBit() throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("retried");
    // local[2,2]: two cores, and a task may fail once (Spark's local mode does not retry otherwise)
    SparkRuns.run(sweep, folder, "--set", SparkRuns.spark("local[2,2]", 2, "points",
        BlockTask.FAIL_FIRST_ATTEMPT + ": 1"));

    DeltaTables.assertSameFiles(folder, dir.resolve("local"));
    assertThat(MonteCarloTaskListener.TASKS)
        .extracting(task -> task.partition() + "/" + task.attempt() + "/" + task.successful())
        .containsExactlyInAnyOrder("0/0/true", "1/0/false", "1/1/true");
  }

  @Test
  void replicatesRunAsWholePointsTrainTheirOwnModelsAndGiveTheSingleJvmEnginesFiles()
      throws IOException {
    Path config = SparkRuns.write(dir, "replicates.yaml", SparkRuns.SMALL
        .replace("spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
            "spaces: [{ id: hessian, dim: 2 }]")
        .replace("samples: 448", "samples: 128")
        + "replicates: 3\nreport: false\n");
    SparkRuns.run(config, dir.resolve("replicates-local"));
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("replicates-spark");
    SparkRuns.run(config, folder, "--set", SparkRuns.spark("local[2]", 2, "auto", ""));

    DeltaTables.assertSameFiles(folder, dir.resolve("replicates-local"));
    assertThat(MonteCarloTaskListener.TASKS).hasSize(2).extracting(MonteCarloTaskListener.Task::job)
        .containsOnly("Points of the sweep (3 points in 2 tasks)");
    // auto: 3 points for 2 partitions
    JsonNode engine = engine(folder.resolve("points/0"));
    assertThat(engine.path("distribute").asText()).isEqualTo("points");
    assertThat(engine.path("distribute_setting").asText()).isEqualTo("auto");
    // each replicate's w* was trained by its task: nothing was shared to prepare on the driver
    JsonNode summary = new ObjectMapper().readTree(folder.resolve("points/2/summary.json").toFile());
    assertThat(summary.path("timings").has("train")).isTrue();
  }

  @ParameterizedTest(name = "{0} with {1} points and {2} partitions: points {3}")
  @CsvSource({
      "auto, 8, 2, true",
      "auto, 2, 2, true",
      "auto, 3, 8, false",
      "points, 3, 8, true",
      "blocks, 64, 2, false",
      "data, 64, 2, false",
  })
  void autoRunsWholePointsWhenEveryPartitionGetsAPoint(String distribute, int points,
      int partitions, boolean whole) {
    assertThat(SparkExecutor.wholePoints(distribute, points, partitions)).isEqualTo(whole);
  }

  /** The engine provenance records in a run folder's (or a replicate's folder's) summary. */
  private static JsonNode engine(Path folder) throws IOException {
    return new ObjectMapper().readTree(folder.resolve("summary.json").toFile())
        .path("provenance").path("engine");
  }
}
