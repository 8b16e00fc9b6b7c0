package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code deltascape plugins} says about the spark engine and its keys. */
class SparkEngineListingTest {

  @Test
  void thePluginsCommandListsTheEngineWithEveryKey() {
    SparkRuns.Outcome outcome = SparkRuns.cli("plugins");
    assertThat(outcome.code()).isZero();
    String out = outcome.out();
    assertThat(out.substring(out.indexOf("engines ("))).isEqualTo(String.join("\n",
        "engines (the config's engine: section; they change where the work runs, never the"
            + " numbers)",
        "  local  every Monte Carlo block in this JVM (the default)",
        "  spark  Monte Carlo blocks, whole sweep points or the data's chunks on Apache Spark 4"
            + " executors (engine-spark)",
        "    master           string             default none           the Spark master"
            + " (local[2], spark://host:7077, yarn...); without it, spark-submit's --master",
        "    partitions       integer >= 1       default none           tasks per Monte Carlo pass"
            + " (at most its blocks of 64 samples), or per sweep with distribute points (at most"
            + " its points); without it, Spark's default parallelism",
        "    distribute       auto|blocks|points|data default auto           what a task"
            + " computes: blocks of one Monte Carlo pass; points, whole points of a sweep (or"
            + " replicates; the driver trains only the fits several points share); auto, points"
            + " for a sweep of at least as many points as partitions, else blocks; data, for a"
            + " large N, a range of the data's chunks of 4,096 examples for some blocks of a pass"
            + " (at most partitions tasks per Spark job)",
        "    conf             value              default none           more Spark settings, a"
            + " map such as { spark.executor.memory: 4g }",
        ""));
  }
}
