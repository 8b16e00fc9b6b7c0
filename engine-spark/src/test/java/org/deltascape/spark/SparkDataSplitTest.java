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

/**
 * A pass split by data ({@code distribute: data}) gives the single-JVM engine's Δ_k: each Spark task
 * evaluates a range of the data's chunks for a range of blocks, the driver assembles the losses in
 * example order and accumulates them. The reference is the single-JVM engine's run of the same
 * config.
 */
class SparkDataSplitTest {

  /**
   * Tolerance of Δ_k against the single-JVM engine (the reference): each chunk's losses come from
   * the same call on the same chunk, and are accumulated in the same order, so the engines agree to
   * the last bit; 1e-12 relative would only leave room for a change of summation order, which the
   * byte comparison beside it would then show.
   */
  private static final double RELATIVE = 1e-12;

  /**
   * 10,000 synthetic examples, three chunks of 4,096, 4,096 and 1,808; a 6-5-3 tanh MLP; two
   * spaces; 160 samples (three blocks of 64, 64 and 32); a control-variate estimator.
   */
  static final String CHUNKS = String.join("\n",
      "name: chunks",
      "seed: 11",
      "dataset: { id: synthetic, examples: 10000, features: 6, classes: 3, test-examples: 0 }",
      "model: { id: mlp, hidden: [5], activation: tanh }",
      "training: { epochs: 1, batch-size: 500, learning-rate: 0.05 }",
      "spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 3 }]",
      "sampler: { id: gaussian, sigma: 0.3, samples: 160 }",
      "orders: 2",
      "estimators: [monte-carlo, monte-carlo-cv]",
      "k: { step: 1000 }",
      "threshold: 1.0e-4",
      "report: false",
      "");

  private static final List<String> FILES =
      List.of("delta.csv", "samples-hessian.npy", "samples-random.npy", "weights.npy");

  @TempDir static Path dir;

  private static Path config;

  @BeforeAll
  static void runTheSingleJvmEngine() throws IOException {
    config = SparkRuns.write(dir, "chunks.yaml", CHUNKS);
    SparkRuns.run(config, dir.resolve("local"));
  }

  private static String byData(String master, int partitions, String conf) {
    return SparkRuns.spark(master, partitions, "data", conf);
  }

  private static List<MonteCarloTaskListener.Task> tasks(String job) {
    return MonteCarloTaskListener.TASKS.stream().filter(task -> task.job().equals(job)).toList();
  }

  private static void assertSameFiles(Path folder) throws IOException {
    DeltaTables.assertAgree(folder, dir.resolve("local"), RELATIVE);
    for (String file : FILES) {
      assertThat(Files.readAllBytes(folder.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
    }
  }

  @Test
  void oneTaskPerChunkGivesTheSingleJvmEnginesDeltaK() throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("by-chunk");
    SparkRuns.run(config, folder, "--set", byData("local[2]", 3, ""));

    assertSameFiles(folder);
    // the three blocks fit the budget: one Spark job per space, one task per chunk
    for (String space : List.of("hessian", "random")) {
      List<MonteCarloTaskListener.Task> job = tasks("Monte Carlo in space " + space
          + " of point 0, the losses of blocks [0, 3) by data chunk");
      assertThat(job).hasSize(3).allSatisfy(task -> assertThat(task.successful()).isTrue());
      assertThat(job).extracting(MonteCarloTaskListener.Task::partition)
          .containsExactlyInAnyOrder(0, 1, 2);
    }
    assertThat(MonteCarloTaskListener.TASKS).hasSize(6);

    JsonNode engine = new ObjectMapper().readTree(folder.resolve("summary.json").toFile())
        .path("provenance").path("engine");
    assertThat(engine.path("distribute").asText()).isEqualTo("data");
    assertThat(engine.path("distribute_setting").asText()).isEqualTo("data");
    assertThat(engine.path("data_job_budget_bytes").asLong()).isEqualTo(256L << 20);
    assertThat(engine.path("partitions").asInt()).isEqualTo(3);
  }

  @Test
  void rangesOfChunksAndOneBlockPerJobGiveTheSameBits() throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("ranges");
    // a budget of one block of 64 samples: each space's pass is three Spark jobs, of two tasks
    // (chunks [0, 2) and [2, 3))
    SparkRuns.run(config, folder, "--set", byData("local[2]", 2,
        SparkLossSource.BUDGET_FOR_TESTS + ": " + 64 * 10000 * 8));

    assertSameFiles(folder);
    for (String space : List.of("hessian", "random")) {
      for (String blocks : List.of("[0, 1)", "[1, 2)", "[2, 3)")) {
        assertThat(tasks("Monte Carlo in space " + space + " of point 0, the losses of blocks "
            + blocks + " by data chunk")).as(space + " " + blocks)
            .extracting(MonteCarloTaskListener.Task::partition).containsExactlyInAnyOrder(0, 1);
      }
    }
    assertThat(MonteCarloTaskListener.TASKS).hasSize(12);
  }

  @Test
  void aDataTaskWhoseFirstAttemptFailsIsRetriedAndTheResultIsBitIdentical() throws IOException {
    MonteCarloTaskListener.reset();
    Path folder = dir.resolve("retried");
    // local[2,2]: two cores, and a task may fail once
    SparkRuns.run(config, folder, "--set", byData("local[2,2]", 3,
        BlockTask.FAIL_FIRST_ATTEMPT + ": 1"));

    assertSameFiles(folder);
    assertThat(MonteCarloTaskListener.TASKS.stream().filter(task -> !task.successful()))
        .extracting(task -> task.partition() + "/" + task.attempt())
        .containsExactly("1/0", "1/0"); // in each space's job
    assertThat(MonteCarloTaskListener.TASKS.stream().filter(MonteCarloTaskListener.Task::successful))
        .extracting(task -> task.partition() + "/" + task.attempt())
        .containsExactlyInAnyOrder("0/0", "1/1", "2/0", "0/0", "1/1", "2/0");
  }

  @Test
  void aLossThatOverflowsReadsAsInASingleJvm() throws IOException {
    Path wild = SparkRuns.write(dir, "wild.yaml", CHUNKS.replace("samples: 160", "samples: 64")
        .replace("sigma: 0.3", "sigma: 3.0e38")
        .replace("{ id: hessian, dim: 2 }, ", "") + "precision: float\n");
    SparkRuns.Outcome local = SparkRuns.cli("run", wild.toString(), "--output",
        dir.resolve("wild-local").toString());
    SparkRuns.Outcome spark = SparkRuns.cli("run", wild.toString(), "--output",
        dir.resolve("wild-spark").toString(), "--set", byData("local[2]", 3, ""));
    assertThat(local.code()).isEqualTo(1);
    assertThat(spark.err()).isEqualTo(local.err());
    assertThat(local.err()).isEqualTo(
        "error: Monte Carlo in space random: the loss of example 98 at sample 2 is NaN: the"
        + " model's loss overflowed far from w*. Lower sampler.sigma, or use precision: double.\n");
  }

  @Test
  void aSweepSplitByDataWritesTheSingleJvmEnginesTable() throws IOException {
    Path sweep = SparkRuns.write(dir, "sweep.yaml", CHUNKS
        .replace("spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 3 }]",
            "spaces: [{ id: random, dim: 2 }]")
        .replace("samples: 160", "samples: 64")
        + "sweep: { sampler.sigma: [0.2, 0.4] }\n");
    SparkRuns.run(sweep, dir.resolve("sweep-local"));
    MonteCarloTaskListener.reset();
    SparkRuns.run(sweep, dir.resolve("sweep-spark"), "--set", byData("local[2]", 3, ""));

    assertThat(Files.readAllBytes(dir.resolve("sweep-spark/delta.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("sweep-local/delta.csv")));
    assertThat(MonteCarloTaskListener.TASKS).extracting(MonteCarloTaskListener.Task::job)
        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of(0, 0, 0, 1, 1, 1)
            .map(point -> "Monte Carlo in space random of point " + point
                + ", the losses of blocks [0, 1) by data chunk").toList());
  }

  @Test
  void aJobGathersAsManyBlocksAsTheBudgetHolds() {
    long budget = SparkLossSource.BUDGET;
    assertThat(SparkLossSource.blocksPerJob(budget, 64, 16_384)).isEqualTo(32);
    assertThat(SparkLossSource.blocksPerJob(budget, 64, 60_000)).isEqualTo(8);
    assertThat(SparkLossSource.blocksPerJob(budget, 64, 524_288)).isEqualTo(1);
    assertThat(SparkLossSource.blocksPerJob(budget, 64, 2_000_000)).isEqualTo(1);
    assertThat(SparkLossSource.blocksPerJob(budget, 10, 100)).isEqualTo(33_554);
    assertThat(ChunkRange.split(15, 4, 8, 16)).containsExactly(new ChunkRange(0, 3, 8, 16),
        new ChunkRange(3, 7, 8, 16), new ChunkRange(7, 11, 8, 16), new ChunkRange(11, 15, 8, 16));
    assertThat(ChunkRange.split(2, 7, 0, 1)).containsExactly(new ChunkRange(0, 1, 0, 1),
        new ChunkRange(1, 2, 0, 1));
  }
}
