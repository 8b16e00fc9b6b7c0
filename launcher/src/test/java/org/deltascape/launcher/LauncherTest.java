package org.deltascape.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.TestOnlyDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, errors and exit codes. */
class LauncherTest {

  private static final PluginRegistry ALL = PluginDiscovery.discover(LauncherTest.class.getClassLoader());
  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(PluginRegistry registry, String... args) {
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(registry, console, Progress.silent()).execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pluginsListsEachPluginWithItsKeysAndOrigin() {
    assertThat(run(PluginRegistry.of(List.of(new TestOnlyDataset())), "plugins")).isZero();
    assertThat(out()).startsWith("dataset plugins (org.deltascape.api.DatasetProvider)" + NL
        + "  test-only-line  A test-classpath dataset: points on a line in two alternating classes" + NL
        + "    from classpath, version dev" + NL
        + "    examples         integer >= 4       default 120            how many points" + NL
        + NL
        + "model plugins (org.deltascape.api.ModelProvider)" + NL
        + "  (none)" + NL);
  }

  @Test
  void pluginsListsEveryBuiltInPlugin() {
    assertThat(run(ALL, "plugins")).isZero();
    for (String id : List.of("digits", "synthetic", "mnist", "fashion-mnist", "csv", "mlp", "lanczos",
        "dense", "hessian", "random", "gaussian", "monte-carlo", "permutation-mean")) {
      assertThat(out()).contains(NL + "  " + id + "  ");
    }
    assertThat(out()).contains(NL + "engines (the config's engine: section; they change where the"
        + " work runs, never the numbers)" + NL
        + "  local  every Monte Carlo block in this JVM (the default)" + NL);
    assertThat(err()).isEmpty();
  }

  @Test
  void aLandscapeThatOverflowsIsWrittenAndDrawnWithAWarningThatSaysWhatToChange() throws Exception {
    Path config = dir.resolve("huge.yaml");
    Files.writeString(config, String.join("\n",
        "seed: 3",
        "dataset: { id: digits, limit: 200 }",
        "model: { id: mlp, hidden: [4], activation: tanh }",
        "training: { epochs: 1, batch-size: 20 }",
        "spaces: [{ id: random, dim: 2 }]",
        "sampler: { id: gaussian, sigma: 1.0e300, samples: 64 }",
        "orders: 2",
        "estimators: [monte-carlo]",
        "k: { step: 10 }",
        "threshold: 1.0e-3",
        ""));
    Path folder = dir.resolve("huge");
    assertThat(run(ALL, "run", config.toString(), "--output", folder.toString())).isZero();
    assertThat(out()).contains(NL + "warning: Δ_k of monte-carlo in space random is not finite at"
        + " 19 of 19 k (first at k = 1): its sums (squared loss differences, or the sampler's"
        + " moments) overflow float64 at sampler.sigma = 1.0E300. The results are written as"
        + " computed; lower sampler.sigma to measure the landscape near w*" + NL);
    assertThat(folder.resolve("delta.csv")).exists();
    assertThat(folder.resolve("report.html")).exists();
    assertThat(err()).isEmpty();
  }

  @Test
  void validateAcceptsAGoodConfigAndRejectsABadOneWithExitCodeTwo() throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "dataset: digits\nmodel: mlp\nspaces: [random]\nthreshold: 0.01\n");
    assertThat(run(ALL, "validate", good.toString())).isZero();
    assertThat(out()).startsWith(good + ": valid (good, 1 space, 2 estimators)" + NL);

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "dataset: digits\nmodel: mlp\nspaces: [random]\nthreshold: -1\n");
    assertThat(run(ALL, "validate", bad.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("error: the configuration has 1 error:" + NL
        + "  1. " + bad + ":4: threshold: must be > 0, got -1. Fix the configuration and run again." + NL);
  }

  @Test
  void aMissingConfigFileIsAClearError() {
    assertThat(run(ALL, "validate", dir.resolve("none.yaml").toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("error: " + dir.resolve("none.yaml")
        + ": no such config file. Check the path, or run without a config for the quick start." + NL);
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run(ALL, "frobnicate")).isEqualTo(2);
    assertThat(run(ALL, "run", "--threads", "0")).isEqualTo(2);
    assertThat(err()).contains("--threads must be at least 1, got 0");
  }

  @Test
  void runWritesTheFolderPrintsTheTableAndRefusesToOverwriteWithoutForce() throws Exception {
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(config, String.join("\n",
        "dataset: { id: test-only-line, examples: 200 }",
        "model: { id: mlp, hidden: [4], activation: tanh }",
        "training: { epochs: 2, batch-size: 20 }",
        "spaces: [{ id: random, dim: 2 }]",
        "sampler: { samples: 16, sigma: 0.5 }",
        "orders: 2",
        "k: { step: 5 }",
        "threshold: 1.0e-3",
        ""));
    Path folder = dir.resolve("out");
    assertThat(run(ALL, "run", config.toString(), "--output", folder.toString())).isZero();
    assertThat(out()).contains("space random (random, D = 2)")
        .contains("monte-carlo").contains("permutation-mean")
        .contains("results in " + folder.toAbsolutePath().normalize() + NL)
        .endsWith("report in " + folder.resolve("report.html").toAbsolutePath().normalize()
            + " (4 pictures)" + NL);
    for (String file : List.of("delta.csv", "spectrum.csv", "summary.json", "weights.npy",
        "orders.npy", "directions-random.npy", "samples-random.npy", "report.html", "table.tex")) {
      assertThat(folder.resolve(file)).exists();
    }
    assertThat(Files.readAllLines(folder.resolve("delta.csv")).get(0))
        .isEqualTo("space,estimator,k,examples,delta,std_error,ci_low,ci_high,delta_k2,loss_k");

    assertThat(run(ALL, "run", config.toString(), "--output", folder.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("error: " + folder + ": the run folder already holds the results of"
        + " a run. Choose another folder with --output, or pass --force to overwrite it." + NL);
    assertThat(run(ALL, "run", config.toString(), "--output", folder.toString(), "--force")).isZero();
  }
}
