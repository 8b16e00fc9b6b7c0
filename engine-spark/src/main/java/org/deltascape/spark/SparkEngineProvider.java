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
 * The {@code spark} engine: the Monte Carlo blocks of every pass (of one experiment, or of each
 * point of a sweep) are computed by Apache Spark tasks, w*, P and the run's config broadcast, the
 * blocks' sums folded in index order on the driver exactly as the single-JVM engine folds them.
 * Training, directions and estimates stay on the driver.
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
    return "Monte Carlo blocks of every pass on Apache Spark 4 executors (engine-spark)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.string("master", null, "the Spark master (local[2], spark://host:7077, yarn...);"
            + " without it, spark-submit's --master"),
        ConfigKey.integer("partitions", null, "tasks per Monte Carlo pass (at most its blocks of 64"
            + " samples); without it, Spark's default parallelism").atLeast(1),
        ConfigKey.any("conf", null, "more Spark settings, a map such as"
            + " { spark.executor.memory: 4g }"),
        ConfigKey.choice("split", "blocks", "how a pass is split into tasks: blocks (each task"
            + " some blocks of 64 θ samples over all the data) or data (for a large N: each Spark"
            + " job some blocks, each task a range of the data's chunks of 4,096 examples, at most"
            + " partitions tasks)", "blocks", "data"));
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
   * @param conf more Spark settings, key to value
   * @param origins where each key's value came from, for messages
   * @param byData whether passes are split by data chunks ({@code split: data}) rather than by
   *     blocks of samples
   */
  record SparkEngineSettings(String master, int partitions, Map<String, String> conf,
      Map<String, String> origins, boolean byData) {

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
          settings.has("partitions") ? settings.integer("partitions") : 0, conf,
          settings.origins(), settings.has("split") && "data".equals(settings.string("split")));
    }
  }
}
