package org.deltascape.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.SizeValidation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replicates: 3} end to end on 600 digits, with a validation block: the replicates differ by
 * their training alone, summary.json's statistics are those of the replicates' own files, the
 * report draws them, and validate-size and compare take the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicatesTest {

  /**
   * Means and sds recomputed here sum the same doubles in the same order as the writer, so they
   * agree to rounding only; this bounds the relative difference.
   */
  private static final double SUMMATION = 1e-12;

  static final String CONFIG = String.join("\n",
      "name: replicated",
      "seed: 3",
      "dataset: { id: digits, limit: 600 }",
      "model: { id: mlp, hidden: [8], activation: tanh }",
      "training: { epochs: 3, batch-size: 32, learning-rate: 0.01 }",
      "spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]",
      "sampler: { sigma: 0.2, samples: 48 }",
      "orders: 4",
      "estimators: [monte-carlo, permutation-mean]",
      "k: { step: 10 }",
      "threshold: 1.0e-3",
      "");

  @TempDir static Path dir;

  private Path run;
  private JsonNode summary;
  private String printed;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int launch(String... args) {
    out.reset();
    err.reset();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(PluginCatalog.classpath(getClass().getClassLoader()), console,
        Progress.silent()).execute(args);
  }

  @BeforeAll
  void runThreeReplicates() throws IOException {
    Path config = dir.resolve("replicated.yaml");
    Files.writeString(config, CONFIG + "replicates: 3\nvalidation: { replicates: 2, space: random }\n");
    run = dir.resolve("run");
    assertThat(launch("run", config.toString(), "--output", run.toString())).as(err.toString()).isZero();
    printed = out.toString(StandardCharsets.UTF_8);
    summary = json(run.resolve("summary.json"));
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void replicatesTrainFromSuccessiveSeedsAndShareOrdersAndSamplingSeeds() throws IOException {
    assertThat(summary.path("sweep").path("keys").toString()).isEqualTo("[\"replicate\"]");
    List<byte[]> weights = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Path point = run.resolve("points").resolve(Integer.toString(r));
      JsonNode own = json(point.resolve("summary.json"));
      assertThat(own.path("provenance").path("seeds").path("training").asLong()).isEqualTo(3 + r);
      assertThat(own.path("provenance").path("seeds").path("order").asLong()).isEqualTo(3);
      assertThat(own.path("provenance").path("seeds").path("sampling").asLong()).isEqualTo(3);
      assertThat(own.path("provenance").path("config").has("replicates")).isFalse();
      weights.add(Files.readAllBytes(point.resolve("weights.npy")));
      assertThat(Files.readAllBytes(point.resolve("orders.npy")))
          .isEqualTo(Files.readAllBytes(run.resolve("points/0/orders.npy")));
      assertThat(Files.readAllBytes(point.resolve("directions-random.npy")))
          .as("random directions come from the sampling seed, shared by the replicates")
          .isEqualTo(Files.readAllBytes(run.resolve("points/0/directions-random.npy")));
    }
    assertThat(weights.get(0)).isNotEqualTo(weights.get(1));
    assertThat(weights.get(1)).isNotEqualTo(weights.get(2));
    assertThat(weights.get(0)).isNotEqualTo(weights.get(2));
    assertThat(summary.path("replicates").path("groups").path(0).path("training_seeds").toString())
        .isEqualTo("[3,4,5]");
  }

  @Test
  void replicateOneIsExactlyTheRunWithTheNextTrainingSeed() throws IOException {
    Path config = dir.resolve("single.yaml");
    Files.writeString(config, CONFIG.replace("seed: 3", "seed: 3\nseeds: { training: 4 }") + "report: false\n");
    Path single = dir.resolve("single");
    assertThat(launch("run", config.toString(), "--output", single.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(run.resolve("points/1/delta.csv")))
        .isEqualTo(Files.readString(single.resolve("delta.csv")));
    assertThat(Files.readAllBytes(run.resolve("points/1/weights.npy")))
        .isEqualTo(Files.readAllBytes(single.resolve("weights.npy")));

    assertThat(launch("compare", run.toString(), single.toString(), "--output",
        dir.resolve("compare").toString())).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("compare/table.tex")))
        .contains("Runs with replicates: $V$ and $K(\\varepsilon)$ as mean $\\pm$ sd over the replicates");
    assertThat(Files.readString(dir.resolve("compare/report.html"))).contains("over 3 replicates");
  }

  @Test
  void theTidyTableHasAReplicateColumnAndEveryReplicatesRows() throws IOException {
    List<String> rows = Files.readAllLines(run.resolve("delta.csv"));
    assertThat(rows.get(0)).isEqualTo(
        "space,estimator,k,examples,delta,std_error,ci_low,ci_high,delta_k2,loss_k,replicate");
    for (int r = 0; r < 3; r++) {
      List<String> own = Files.readAllLines(run.resolve("points/" + r + "/delta.csv"));
      String suffix = "," + r;
      assertThat(rows.stream().filter(row -> row.endsWith(suffix))
          .map(row -> row.substring(0, row.length() - suffix.length())).toList())
          .isEqualTo(own.subList(1, own.size()));
    }
  }

  @Test
  void theStatisticsAreThoseOfTheReplicatesOwnFiles() throws IOException {
    JsonNode group = summary.path("replicates").path("groups").path(0);
    List<JsonNode> points = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      points.add(json(run.resolve("points/" + r + "/summary.json")));
    }
    for (String split : List.of("train", "test")) {
      for (String score : List.of("loss", "accuracy")) {
        check(group.path("model").path(split).path(score), points, p -> p.path("model").path(split).path(score));
      }
    }
    for (int i = 0; i < 3; i++) {
      int index = i;
      check(group.path("spaces").path("hessian").path("eigenvalues").path(i), points,
          p -> p.path("spaces").path("hessian").path("eigenvalues").path(index));
    }
    for (String space : List.of("hessian", "random")) {
      for (String estimator : List.of("monte-carlo", "permutation-mean")) {
        check(group.path("plateau").path(space).path(estimator), points,
            p -> p.path("plateau").path(space).path(estimator).path("value"));
        JsonNode size = group.path("sufficient").path(space).path(estimator);
        assertThat(size.path("reached").asInt()).isEqualTo(3);
        check(size.path("k"), points, p -> p.path("sufficient").path(space).path(estimator).path("k"));
        check(size.path("examples"), points,
            p -> p.path("sufficient").path(space).path(estimator).path("examples"));
        int meanK = meanCurveK(space, estimator, 1.0e-3);
        assertThat(size.path("mean_curve").path("k").asInt()).isEqualTo(meanK);
        assertThat(size.path("mean_curve").path("examples").asInt()).isEqualTo(meanK * 10);
      }
    }
  }

  /** Mean and sample sd (divisor n − 1), min and max of the replicates' values. */
  private static void check(JsonNode stats, List<JsonNode> points, Function<JsonNode, JsonNode> value) {
    double[] values = points.stream().mapToDouble(p -> value.apply(p).asDouble()).toArray();
    double mean = (values[0] + values[1] + values[2]) / 3;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / 2);
    assertThat(stats.path("mean").asDouble()).isCloseTo(mean, within(SUMMATION * Math.abs(mean)));
    assertThat(stats.path("sd").asDouble()).isCloseTo(sd, within(SUMMATION * Math.max(sd, Math.abs(mean))));
    assertThat(stats.path("min").asDouble()).isEqualTo(Math.min(values[0], Math.min(values[1], values[2])));
    assertThat(stats.path("max").asDouble()).isEqualTo(Math.max(values[0], Math.max(values[1], values[2])));
  }

  /** K(ε) of the mean of the replicates' Δ_k (PAPER.md: the first k after which Δ stays below ε). */
  private int meanCurveK(String space, String estimator, double epsilon) throws IOException {
    List<double[]> curves = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      curves.add(Files.readAllLines(run.resolve("points/" + r + "/delta.csv")).stream().skip(1)
          .map(line -> line.split(","))
          .filter(cells -> cells[0].equals(space) && cells[1].equals(estimator))
          .mapToDouble(cells -> Double.parseDouble(cells[4])).toArray());
    }
    int k = curves.get(0).length + 1;
    for (int j = curves.get(0).length - 1; j >= 0; j--) {
      double mean = (curves.get(0)[j] + curves.get(1)[j] + curves.get(2)[j]) / 3;
      if (mean >= epsilon) {
        break;
      }
      k = j + 1;
    }
    return k;
  }

  @Test
  void theConsoleTableAndTheReportShowMeanAndSpread() throws IOException {
    JsonNode size = summary.path("replicates").path("groups").path(0).path("sufficient").path("hessian")
        .path("monte-carlo");
    String k = String.format(Locale.ROOT, "%.1f ± %.1f [%d, %d]", size.path("k").path("mean").asDouble(),
        size.path("k").path("sd").asDouble(), size.path("k").path("min").asLong(), size.path("k").path("max").asLong());
    assertThat(printed).contains("replicated: 3 replicates (training seeds 3, 4, 5); digits/train, N = 600")
        .contains("  monte-carlo        ").contains(k)
        .contains("report in " + run.resolve("report.html").toAbsolutePath().normalize());
    assertThat(run.resolve("figures")).isDirectoryContaining("glob:**/delta-hessian.png")
        .isDirectoryContaining("glob:**/spectrum.png").isDirectoryContaining("glob:**/training.png")
        .isDirectoryContaining("glob:**/validation.png");
    String html = Files.readString(run.resolve("report.html"));
    assertThat(html).contains("3 replicates (training seeds 3, 4, 5)").contains("K(ε) (mean ± sd)")
        .contains("each estimator&#39;s mean over 3 replicates".replace("&#39;", "'"))
        .contains("Does K(ε) predict test performance?");
    assertThat(Files.readString(run.resolve("table.tex"))).contains(String.format(Locale.ROOT,
        "$%.1f \\pm %.1f$ & [%d, %d] & %d & %d", size.path("k").path("mean").asDouble(),
        size.path("k").path("sd").asDouble(), size.path("k").path("min").asLong(),
        size.path("k").path("max").asLong(), size.path("mean_curve").path("k").asLong(),
        size.path("mean_curve").path("examples").asLong()));
  }

  @Test
  void theValidationBlockChecksTheReplicateAveragedSizeLikeTheCommand() throws IOException {
    JsonNode record = json(run.resolve(SizeValidation.JSON));
    JsonNode size = summary.path("replicates").path("groups").path(0).path("sufficient").path("random")
        .path("monte-carlo");
    int k = size.path("mean_curve").path("examples").asInt();
    assertThat(record.path("space").asText()).isEqualTo("random");
    assertThat(record.path("estimator").asText()).isEqualTo("monte-carlo");
    assertThat(record.path("k_examples").asInt()).isEqualTo(k);
    List<Integer> sizes = SizeValidation.sizes(k, 600);
    List<String> rows = Files.readAllLines(run.resolve(SizeValidation.CSV));
    assertThat(rows.get(0)).isEqualTo(String.join(",", SizeValidation.COLUMNS));
    assertThat(rows).hasSize(1 + 2 * sizes.size());
    assertThat(printed).contains("K(ε) = " + k + " examples (space random, estimator monte-carlo,"
        + " replicate-averaged Δ_k)");

    // the command on the same folder trains the same models (replicate 0's config, same seeds)
    byte[] written = Files.readAllBytes(run.resolve(SizeValidation.CSV));
    assertThat(launch("validate-size", run.toString(), "--space", "random", "--replicates", "2"))
        .as(err.toString()).isZero();
    assertThat(Files.readAllBytes(run.resolve(SizeValidation.CSV))).isEqualTo(written);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("report in " + run.resolve("report.html").toAbsolutePath().normalize());
  }
}
