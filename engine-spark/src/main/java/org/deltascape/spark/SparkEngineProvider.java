package org.deltascape.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Settings;
import org.deltascape.launcher.engine.EngineProvider;
import org.deltascape.launcher.engine.MonteCarloExecutor;
import org.deltascape.launcher.engine.RunDescription;

/**
 * The {@code spark} engine: Apache Spark tasks compute either the Monte Carlo blocks of every pass
 * (of one experiment, or of each point of a sweep), w*, P and the run's config broadcast and the
 * blocks' sums folded in index order on the driver exactly as the single-JVM engine folds them,
 * training, directions and estimates staying on the driver; or, for a sweep (or replicates), whole
 * points, each task running its points with the single-JVM engine from the broadcast config and
 * the fits and directions the driver prepared; or, for a pass over a large dataset, the losses of
 * some blocks on a range of the data's chunks, which the driver assembles and accumulates
 * ({@code distribute}).
 *
 * <p>This class names no Spark type, so that the launcher can list and choose the engine (and say
 * what is missing) on a class path that has this module but not Spark.
 */
public final class SparkEngineProvider implements EngineProvider {

  /** Spark is not on the class path. */
  static final String NO_SPARK = "Apache Spark is not on the class path (org.apache.spark.SparkContext"
      + " cannot be loaded)";

  /** What to do when Spark is not on the class path. */
  static final String NO_SPARK_FIX = "Run with ./deltascape-spark, which puts Spark 4.0"
      + " (engine-spark/target/spark) on the class path, or submit with ./deltascape-spark-submit"
      + " to a Spark 4.0 installation";

  /** The JVM lacks the options Spark needs on Java 17. */
  static final String NO_OPENS = "this JVM was started without the options Spark needs on Java 17"
      + " (missing %s)";

  /** What to do when the JVM lacks Spark's options. */
  static final String NO_OPENS_FIX = "Run with ./deltascape-spark or ./deltascape-spark-submit,"
      + " which pass them, or add Spark's JavaModuleOptions to the java command (the list is in"
      + " ./deltascape-spark)";

  @Override
  public String id() {
    return "spark";
  }

  @Override
  public String description() {
    return "Monte Carlo blocks, whole sweep points or the data's chunks on Apache Spark 4"
        + " executors (engine-spark)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.string("master", null, "the Spark master (local[2], spark://host:7077, yarn...);"
            + " without it, spark-submit's --master"),
        ConfigKey.integer("partitions", null, "tasks per Monte Carlo pass (at most its blocks of 64"
            + " samples), or per sweep with distribute points (at most its points); without it,"
            + " Spark's default parallelism").atLeast(1),
        ConfigKey.choice("distribute", "auto", "what a task computes: blocks of one Monte Carlo"
            + " pass; points, whole points of a sweep (or replicates; the driver trains only the"
            + " fits several points share); auto, points for a sweep of at least as many points"
            + " as partitions, else blocks; data, for a large N, a range of the data's chunks of"
            + " 4,096 examples for some blocks of a pass (at most partitions tasks per Spark job)",
            "auto", "blocks", "points", "data"),
        ConfigKey.any("conf", null, "more Spark settings, a map such as"
            + " { spark.executor.memory: 4g }"));
  }

  @Override
  public MonteCarloExecutor create(Settings settings, RunDescription run) {
    requireSpark(SparkEngineProvider.class.getClassLoader());
    List<String> missing = SparkJvmOptions.missingOpens();
    if (!missing.isEmpty()) {
      throw new DeltascapeException(String.format(java.util.Locale.ROOT, NO_OPENS,
          String.join(", ", missing)), "engine spark", NO_OPENS_FIX);
    }
    return SparkExecutor.start(SparkEngineSettings.of(settings), run);
  }

  /** Fails with what to do when {@code loader} cannot load Spark. */
  static void requireSpark(ClassLoader loader) {
    try {
      Class.forName("org.apache.spark.SparkContext", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new DeltascapeException(NO_SPARK, "engine spark", NO_SPARK_FIX);
    }
  }

  /**
   * The engine's section, typed.
   *
   * @param master the master URL, or null for the one spark-submit set
   * @param partitions tasks per pass, or 0 for Spark's default parallelism
   * @param distribute what a task computes: blocks, points, data or auto
   * @param conf more Spark settings, key to value
   * @param origins where each key's value came from, for messages
   */
  record SparkEngineSettings(String master, int partitions, String distribute,
      Map<String, String> conf, Map<String, String> origins) {

    static SparkEngineSettings of(Settings settings) {
      Map<String, String> conf = new TreeMap<>();
      Object given = settings.value("conf");
      if (given != null) {
        if (!(given instanceof Map<?, ?> map)) {
          throw settings.invalid("conf", "expected a map of Spark settings, got " + given,
              "For example conf: { spark.executor.memory: 4g }");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          Object value = entry.getValue();
          if (!key.startsWith("spark.")) {
            throw settings.invalid("conf", "'" + key + "' is not a Spark setting (they start with"
                + " spark.)", "Use Spark's own names, such as spark.executor.memory");
          }
          if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
            throw settings.invalid("conf", "the value of " + key + " must be a single value, got "
                + value, null);
          }
          conf.put(key, String.valueOf(value));
        }
        if (conf.containsKey("spark.master")) {
          throw settings.invalid("conf", "spark.master belongs in engine.master", null);
        }
      }
      return new SparkEngineSettings(settings.has("master") ? settings.string("master") : null,
          settings.has("partitions") ? settings.integer("partitions") : 0,
          settings.has("distribute") ? settings.string("distribute") : "auto", conf,
          settings.origins());
    }
  }
}
