package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/RESULTS.md is generated: regenerating it from the runs kept under docs/runs (in name
 * order, as the shell's glob in the generating command lists them) and docs/results-notes.md
 * gives the file byte for byte, so every number in it is a run's.
 */
class ResultsDocumentTest {

  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void theResultsDocumentIsExactlyWhatTheKeptRunsGenerate() throws IOException {
    List<Path> runs;
    try (Stream<Path> folders = Files.list(DOCS.resolve("runs"))) {
      runs = folders.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(runs).isNotEmpty();
    String notes = Files.readString(DOCS.resolve("results-notes.md"), StandardCharsets.UTF_8);
    assertThat(ResultsDocument.render(runs, notes))
        .isEqualTo(Files.readString(DOCS.resolve("RESULTS.md"), StandardCharsets.UTF_8));
  }

  /**
   * The spread over training seeds is the replicates' own: recomputed here from each replicate's
   * summary.json (not from the run's replicates block, which the document reads).
   */
  @Test
  void theSpreadOverTrainingSeedsIsRecomputedFromTheReplicatesOwnSummaries() throws IOException {
    Path run = DOCS.resolve("runs/6-paper-fashion-mnist-mlp-replicates");
    double[] ks = new double[5];
    double[] accuracies = new double[5];
    for (int r = 0; r < 5; r++) {
      RunSummary replicate = RunSummary.read(run.resolve("points/" + r + "/summary.json"));
      ks[r] = replicate.sufficient("hessian", "monte-carlo").k();
      accuracies[r] = replicate.test().accuracy();
    }
    String rendered = ResultsDocument.render(List.of(run), "");
    assertThat(rendered).contains("| paper-fashion-mnist-mlp-replicates | 5 | "
        + spread(accuracies, "%.3f") + " | hessian | ")
        .contains(" | monte-carlo | " + spread(ks, "%.1f") + " | 5 of 5 | ");
  }

  /** mean ± sd (divisor n − 1) [min, max]. */
  private static String spread(double[] values, String format) {
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    double sd = Math.sqrt(ss / (values.length - 1));
    return String.format(java.util.Locale.ROOT, format + " ± " + format + " [" + format + ", "
        + format + "]", mean, sd, java.util.Arrays.stream(values).min().orElseThrow(),
        java.util.Arrays.stream(values).max().orElseThrow());
  }
}
