package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spark engine gives the single-JVM engine's Δ_k for the same config and seeds, whatever the
 * partitions, with the Monte Carlo blocks really computed by Spark tasks.
 */
class SparkEngineAgreementTest {

  /**
   * Tolerance of Δ_k against the single-JVM engine's run of the same config (the reference): the
   * blocks' sums are folded in the same order, so the engines agree to the last bit; 1e-12
   * relative leaves room only for a change of summation order, which this test would then show.
   */
  private static final double RELATIVE = 1e-12;

  @TempDir static Path dir;

  private static Path config;

  @BeforeAll
  static void runTheSingleJvmEngine() throws IOException {
    config = SparkRuns.write(dir, "small.yaml", SparkRuns.SMALL);
    SparkRuns.run(config, dir.resolve("local"));
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void anyPartitionCountGivesTheSingleJvmEnginesDeltaK(int partitions) throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("spark-" + partitions);
    SparkRuns.run(config, folder, "--set", SparkRuns.spark("local[2]", partitions, ""));

    DeltaTables.assertAgree(folder, dir.resolve("local"), RELATIVE);
    for (String file : List.of("samples-hessian.npy", "samples-random.npy", "weights.npy")) {
      assertThat(Files.readAllBytes(folder.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
    }
    // 448 samples are 7 blocks: one task per partition, for each of the two spaces
    List<MonteCarloTaskListener.Task> hessian = MonteCarloTaskListener.TASKS.stream()
        .filter(task -> task.job().equals("Monte Carlo in space hessian of point 0")).toList();
    assertThat(hessian).hasSize(partitions)
        .allSatisfy(task -> assertThat(task.successful()).isTrue());
    assertThat(hessian).extracting(MonteCarloTaskListener.Task::partition)
        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, partitions).boxed().toList());
    assertThat(MonteCarloTaskListener.TASKS).hasSize(2 * partitions);

    JsonNode engine = new ObjectMapper().readTree(folder.resolve("summary.json").toFile())
        .path("provenance").path("engine");
    assertThat(engine.path("id").asText()).isEqualTo("spark");
    assertThat(engine.path("master").asText()).isEqualTo("local[2]");
    assertThat(engine.path("partitions").asInt()).isEqualTo(partitions);
    assertThat(engine.path("task_nd4j_threads").asInt()).isEqualTo(1);
    // one experiment is one point: auto distributes its passes' blocks
    assertThat(engine.path("distribute").asText()).isEqualTo("blocks");
    assertThat(engine.path("distribute_setting").asText()).isEqualTo("auto");
  }

  @Test
  void aTaskWhoseFirstAttemptFailsIsRetriedAndTheResultIsBitIdentical() throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("retried");
    // local[2,2]: two cores, and a task may fail once (Spark's local mode does not retry otherwise)
    SparkRuns.run(config, folder, "--set", SparkRuns.spark("local[2,2]", 3,
        BlockTask.FAIL_FIRST_ATTEMPT + ": 1"));

    for (String file : List.of("delta.csv", "samples-hessian.npy", "samples-random.npy")) {
      assertThat(Files.readAllBytes(folder.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
    }
    List<MonteCarloTaskListener.Task> failed = MonteCarloTaskListener.TASKS.stream()
        .filter(task -> !task.successful()).toList();
    assertThat(failed).extracting(task -> task.partition() + "/" + task.attempt())
        .containsExactly("1/0", "1/0"); // in each space's job
    assertThat(MonteCarloTaskListener.TASKS.stream().filter(MonteCarloTaskListener.Task::successful))
        .extracting(task -> task.partition() + "/" + task.attempt())
        .containsExactlyInAnyOrder("0/0", "1/1", "2/0", "0/0", "1/1", "2/0");
  }
}
