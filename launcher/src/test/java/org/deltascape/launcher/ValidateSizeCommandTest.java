package org.deltascape.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.SizeValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: deltascape validate-size trains fresh models at K/4, K/2, K, 2K and N examples. */
class ValidateSizeCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(PluginCatalog.classpath(getClass().getClassLoader()), console,
        Progress.silent()).execute(args);
  }

  @Test
  void sizesAreQuartersHalvesDoublesAndAllClippedToTheData() {
    assertThat(SizeValidation.sizes(200, 600)).containsExactly(50, 100, 200, 400, 600);
    assertThat(SizeValidation.sizes(400, 600)).containsExactly(100, 200, 400, 600);
    assertThat(SizeValidation.sizes(4, 600)).containsExactly(2, 4, 8, 600);
  }

  @Test
  void trainsFreshModelsAtEachSizeAndWritesEveryTrial() throws Exception {
    Path config = dir.resolve("small.yaml");
    Files.writeString(config, String.join("\n",
        "seed: 3",
        "dataset: { id: digits, limit: 600 }",
        "model: { id: mlp, hidden: [8], activation: tanh }",
        "training: { epochs: 3, batch-size: 32, learning-rate: 0.01 }",
        "spaces: [{ id: random, dim: 2 }]",
        "sampler: { sigma: 0.2, samples: 32 }",
        "orders: 4",
        "estimators: [permutation-mean]",
        "k: { step: 10 }",
        "threshold: 1.0e-3",
        ""));
    Path runFolder = dir.resolve("run");
    assertThat(run("run", config.toString(), "--output", runFolder.toString())).isZero();
    String summary = Files.readString(runFolder.resolve("summary.json"));
    int k = Integer.parseInt(summary.replaceAll("(?s).*\"sufficient\" : \\{.*?\"examples\" : (\\d+).*", "$1"));

    assertThat(run("validate-size", runFolder.toString(), "--replicates", "2")).as(err.toString()).isZero();
    List<Integer> sizes = SizeValidation.sizes(k, 600);
    List<String> rows = Files.readAllLines(runFolder.resolve("validation.csv"));
    assertThat(rows.get(0)).isEqualTo("examples,replicate,train_loss,train_accuracy,test_loss,test_accuracy");
    assertThat(rows).hasSize(1 + 2 * sizes.size());
    assertThat(rows.get(1).split(",")[2]).as("replicates train from different seeds")
        .isNotEqualTo(rows.get(2).split(",")[2]);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("K(ε) = " + k + " examples (space random, estimator permutation-mean)")
        .contains("← K(ε)")
        .contains("report in " + runFolder.resolve("report.html").toAbsolutePath().normalize());
    assertThat(runFolder.resolve("figures/validation.png")).isNotEmptyFile();
    assertThat(Files.readString(runFolder.resolve("report.html"))).contains("Does K(ε) predict test performance?")
        .contains("(K(ε) of space random, estimator permutation-mean)")
        .contains("the dashed line is K(ε) (space random, estimator permutation-mean).");
    assertThat(Files.readString(runFolder.resolve(SizeValidation.JSON))).contains("\"k_examples\" : " + k);
  }

  @Test
  void aRunFolderWithoutSummaryIsAClearError() {
    assertThat(run("validate-size", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + dir
        + ": no summary.json in the run folder. Give the folder of a finished run (deltascape run"
        + " writes it)." + System.lineSeparator());
  }
}
