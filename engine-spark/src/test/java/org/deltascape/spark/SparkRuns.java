package org.deltascape.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginCatalog;

/**
 * Runs the launcher's command line in this JVM, as {@code ./deltascape-spark} would, with the
 * plugins and engines of the test class path, and keeps what it printed.
 */
final class SparkRuns {

  /** A small digits experiment: 600 examples, a 64-8-10 tanh MLP, b = 10, two spaces. */
  static final String SMALL = String.join("\n",
      "name: small",
      "seed: 3",
      "dataset: { id: digits, limit: 600 }",
      "model: { id: mlp, hidden: [8], activation: tanh }",
      "training: { epochs: 3, batch-size: 32, learning-rate: 0.01 }",
      "spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
      "sampler: { id: gaussian, sigma: 0.2, samples: 448 }",
      "orders: 4",
      "estimators: [monte-carlo, monte-carlo-cv]",
      "k: { step: 10 }",
      "threshold: 1.0e-4",
      "");

  /**
   * What a command did.
   *
   * @param code its exit code
   * @param out what it printed on stdout
   * @param err what it printed on stderr
   */
  record Outcome(int code, String out, String err) {}

  private SparkRuns() {}

  /** Runs {@code deltascape ARGS...} in this JVM. */
  static Outcome cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Launcher(PluginCatalog.classpath(SparkRuns.class.getClassLoader()),
          new Console(o, e), Progress.silent()).execute(args);
    }
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code deltascape run CONFIG --output DIR ARGS...}, failing with its output if it fails. */
  static Outcome run(Path config, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("run", config.toString(), "--output", output.toString()));
    args.addAll(List.of(more));
    Outcome outcome = cli(args.toArray(String[]::new));
    if (outcome.code() != 0) {
      throw new AssertionError("deltascape " + args + " exited with " + outcome.code() + ":\n"
          + outcome.err());
    }
    return outcome;
  }

  /** Writes {@code text} as {@code name} in {@code dir}. */
  static Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text);
  }

  /** The engine section of a Spark run on {@code master} with {@code partitions} tasks per pass. */
  static String spark(String master, int partitions, String conf) {
    return spark(master, partitions, "auto", conf);
  }

  /**
   * The engine section of a Spark run on {@code master} with {@code partitions} tasks per pass (or
   * per sweep) and {@code distribute} (blocks, points, data or auto).
   */
  static String spark(String master, int partitions, String distribute, String conf) {
    return "engine={ id: spark, master: \"" + master + "\", partitions: " + partitions
        + ", distribute: " + distribute
        + ", conf: { spark.ui.enabled: false, spark.extraListeners: "
        + MonteCarloTaskListener.class.getName() + (conf.isEmpty() ? "" : ", " + conf) + " } }";
  }
}
