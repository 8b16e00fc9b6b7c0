package org.deltascape.launcher.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.output.AtomicFiles;
import org.knowm.xchart.XYChart;

/**
 * Several runs side by side: their Δ_k curves on shared axes (one panel per space) and one table
 * of plateau V and K(ε). Only runs of the same data and model are comparable: same dataset
 * SHA-256, same model id and parameter count.
 */
public final class Comparison {

  static final String NOT_COMPARABLE = "%s is not comparable with %s: %s";
  static final String OTHER_DATA = "the dataset differs (SHA-256 %s against %s)";
  static final String OTHER_MODEL = "the model differs (%s with %d parameters against %s with %d)";

  private Comparison() {}

  /** Why each run is not comparable with the first, one sentence per fault; empty when all are. */
  public static List<String> refusals(List<RunFolder> runs) {
    List<String> reasons = new ArrayList<>();
    RunSummary first = runs.get(0).summary();
    for (RunFolder run : runs.subList(1, runs.size())) {
      RunSummary other = run.summary();
      if (!other.datasetSha256().equals(first.datasetSha256())) {
        reasons.add(String.format(NOT_COMPARABLE, run.folder(), runs.get(0).folder(),
            String.format(OTHER_DATA, shortHash(other.datasetSha256()), shortHash(first.datasetSha256()))));
      }
      if (!other.modelId().equals(first.modelId()) || other.parameters() != first.parameters()) {
        reasons.add(String.format(NOT_COMPARABLE, run.folder(), runs.get(0).folder(), String.format(Locale.ROOT,
            OTHER_MODEL, other.modelId(), other.parameters(), first.modelId(), first.parameters())));
      }
    }
    return reasons;
  }

  /**
   * Writes {@code figures/delta-compare.*}, {@code table.tex} and {@code report.html} into {@code
   * output}; returns the report page.
   *
   * @throws DeltascapeException when the runs are not comparable (see {@link #refusals})
   */
  public static Path write(List<RunFolder> runs, Path output) {
    List<String> reasons = refusals(runs);
    if (!reasons.isEmpty()) {
      throw new DeltascapeException(String.join("; ", reasons), null, "Compare runs of one dataset and model");
    }
    Figure figure = figure(runs);
    byte[] png = FigureFiles.write(figure, output.resolve(Report.FIGURES));
    AtomicFiles.writeText(output.resolve("table.tex"), ComparisonTable.latex(runs));
    Path html = output.resolve("report.html");
    AtomicFiles.writeText(html, ComparisonTable.html(runs, new HtmlReport.Picture(figure, png)));
    return html;
  }

  /** One panel per space (in first-seen order), a colour per run, dashed for all but the first estimator. */
  static Figure figure(List<RunFolder> runs) {
    List<String> spaces = runs.stream().flatMap(run -> run.spaces().stream()).distinct().toList();
    boolean sameB = runs.stream().mapToInt(run -> run.summary().blockSize()).distinct().count() == 1;
    int b = runs.get(0).summary().blockSize();
    List<XYChart> charts = new ArrayList<>();
    int panel = 190;
    for (String space : spaces) {
      XYChart chart = Charts.xy(Figure.COLUMN, panel, sameB ? DeltaFigures.kTitle(b) + ", " + space
          : "examples k·b, " + space, "Δₖ", true, true);
      for (int r = 0; r < runs.size(); r++) {
        RunFolder run = runs.get(r);
        List<String> estimators = run.estimators();
        for (int e = 0; e < estimators.size(); e++) {
          List<RunRows.Delta> rows = run.curve(space, estimators.get(e)).stream()
              .filter(row -> row.delta() > 0 && Double.isFinite(row.delta())).toList();
          if (rows.isEmpty()) {
            continue;
          }
          Charts.line(chart, label(runs, r) + ", " + estimators.get(e),
              rows.stream().mapToDouble(row -> sameB ? row.k() : row.examples()).toArray(),
              rows.stream().mapToDouble(RunRows.Delta::delta).toArray(), Palette.categorical(r), e > 0);
        }
      }
      chart.getStyler().setLegendVisible(charts.isEmpty());
      charts.add(chart);
    }
    double[] shares = new double[charts.size()];
    java.util.Arrays.fill(shares, 1.0 / charts.size());
    return new Figure("delta-compare", "Δ_k of every run on shared axes (log-log), one panel per"
        + " space, a colour per run; dashed lines are the estimators after each run's first.",
        Figure.COLUMN, panel * Math.max(1, charts.size()), Charts.stacked(charts, shares));
  }

  /**
   * A run's name in the legend: its name, or its folder's when another run has the same name;
   * "(mean of R)" for a run with replicates.
   */
  static String label(List<RunFolder> runs, int r) {
    RunFolder run = runs.get(r);
    String name = run.summary().name();
    boolean shared = runs.stream().filter(other -> other.summary().name().equals(name)).count() > 1;
    String label = shared && run.folder().getFileName() != null ? run.folder().getFileName().toString() : name;
    return run.replicated() ? label + " (mean of " + run.replicates().count() + ")" : label;
  }

  private static String shortHash(String sha) {
    return sha.isEmpty() ? "unknown" : sha.substring(0, Math.min(12, sha.length()));
  }
}
