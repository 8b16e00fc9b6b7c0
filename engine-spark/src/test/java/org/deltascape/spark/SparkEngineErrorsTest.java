package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when the engine section is wrong or Spark cannot run. */
class SparkEngineErrorsTest {

  @TempDir Path dir;

  private SparkRuns.Outcome run(String engine) throws IOException {
    Path config = SparkRuns.write(dir, "small.yaml", SparkRuns.SMALL.replace("samples: 448", "samples: 64"));
    return SparkRuns.cli("run", config.toString(), "--output", dir.resolve("out").toString(),
        "--set", engine);
  }

  @Test
  void aMisspeltEngineIdIsAConfigErrorThatNamesTheEnginesAndSuggestsOne() throws IOException {
    SparkRuns.Outcome outcome = run("engine={ id: sprak }");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo(
        "error: the configuration has 1 error:\n"
        + "  1. --set engine: engine.id: unknown engine sprak: the engines on the class path are"
        + " local, spark (did you mean spark?). Fix the configuration and run again.\n");
  }

  @Test
  void noMasterInTheConfigNorFromSparkSubmitSaysWhereToGiveOne() throws IOException {
    SparkRuns.Outcome outcome = run("engine={ id: spark }");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err()).isEqualTo(
        "error: engine spark: the spark engine has no master. Set engine.master (local[2] runs"
        + " on this machine's cores), or submit with ./deltascape-spark-submit --master URL.\n");
  }

  @Test
  void aMasterSparkCannotParseIsReportedWithSparksOwnWords() throws IOException {
    SparkRuns.Outcome outcome = run("engine={ id: spark, master: nonsense }");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err()).isEqualTo(
        "error: --set engine: Spark could not start with master nonsense: Could not parse"
        + " Master URL: 'nonsense'. Check engine.master and engine.conf (or spark-submit's options).\n");
  }

  @Test
  void aDistributionTheEngineDoesNotKnowIsAConfigErrorListingTheFour() throws IOException {
    SparkRuns.Outcome outcome = run("engine={ id: spark, master: \"local[2]\", distribute: rows }");
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).isEqualTo(
        "error: the configuration has 1 error:\n"
        + "  1. --set engine: engine.distribute: expected one of auto, blocks, points, data, got"
        + " \"rows\". Fix the configuration and run again.\n");
  }

  @Test
  void aConfKeyThatIsNotASparkSettingIsRefused() throws IOException {
    SparkRuns.Outcome outcome = run("engine={ id: spark, master: \"local[2]\", conf: { executor.memory: 4g } }");
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err()).isEqualTo(
        "error: --set engine: engine spark: conf = {executor.memory: 4g}: 'executor.memory' is"
        + " not a Spark setting (they start with spark.). Use Spark's own names, such as"
        + " spark.executor.memory.\n");
  }

  @Test
  void aTaskThatFailsWithoutRetriesFailsTheRunSayingWhichPass() throws IOException {
    SparkRuns.Outcome outcome = run(SparkRuns.spark("local[2]", 2, BlockTask.FAIL_FIRST_ATTEMPT + ": 0"));
    assertThat(outcome.code()).isEqualTo(1);
    assertThat(outcome.err()).isEqualTo(
        "error: engine spark: the Spark job of Monte Carlo in space hessian of point 0 failed:"
        + " the first attempt of partition 0 fails, as"
        + " spark.deltascape.test.fail-first-attempt-of-partition asks. See the Spark log of the"
        + " failed task; a task that fails alike on every attempt is not helped by retries.\n");
  }

  @Test
  void aFaultInAPointTaskReadsAsInASingleJvmForTheLowestPoint() throws IOException {
    Path config = SparkRuns.write(dir, "wild-sweep.yaml", SparkRuns.SMALL
        .replace("samples: 448", "samples: 64")
        .replace("{ id: hessian, dim: 3 }, ", "") + "precision: float\n"
        + "sweep: { sampler.sigma: [0.2, 3.0e38, 2.0e38] }\n");
    SparkRuns.Outcome local = SparkRuns.cli("run", config.toString(), "--output",
        dir.resolve("local").toString());
    SparkRuns.Outcome spark = SparkRuns.cli("run", config.toString(), "--output",
        dir.resolve("spark").toString(), "--set", SparkRuns.spark("local[2]", 2, "points", ""));
    assertThat(local.code()).isEqualTo(1);
    assertThat(spark.code()).isEqualTo(1);
    assertThat(spark.err()).isEqualTo(local.err());
    assertThat(local.err()).isEqualTo(
        "error: Monte Carlo in space random: the loss of example 0 at sample 1 is NaN: the"
        + " model's loss overflowed far from w*. Lower sampler.sigma, or use precision: double.\n");
  }

  @Test
  void aFaultInATaskReadsAsInASingleJvm() throws IOException {
    Path config = SparkRuns.write(dir, "wild.yaml", SparkRuns.SMALL.replace("samples: 448", "samples: 128")
        .replace("sigma: 0.2", "sigma: 3.0e38")
        .replace("{ id: hessian, dim: 3 }, ", "") + "precision: float\n");
    SparkRuns.Outcome local = SparkRuns.cli("run", config.toString(), "--output", dir.resolve("local").toString());
    SparkRuns.Outcome spark = SparkRuns.cli("run", config.toString(), "--output", dir.resolve("spark").toString(),
        "--set", SparkRuns.spark("local[2]", 2, ""));
    assertThat(local.code()).isEqualTo(1);
    assertThat(spark.err()).isEqualTo(local.err());
    assertThat(local.err()).isEqualTo(
        "error: Monte Carlo in space random: the loss of example 0 at sample 1 is NaN: the"
        + " model's loss overflowed far from w*. Lower sampler.sigma, or use precision: double.\n");
  }
}
