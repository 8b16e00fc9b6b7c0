package org.deltascape.launcher.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The pictures of the model at w*: the Hessian spectrum of each space that has one (eigenvalue
 * by index, with the residuals ‖Hv − λv‖ in a second panel), the SLQ spectral density when the
 * run wrote {@code density.csv}, and the training curve from {@code model.history}.
 */
final class ModelFigures {

  private static final Color INK = new Color(0x0072B2);

  private ModelFigures() {}

  /** Every picture of the model that the run has data for. */
  static List<Figure> of(RunFolder run) {
    List<Figure> figures = new ArrayList<>();
    List<String> spaces = run.spectrumSpaces();
    if (!spaces.isEmpty()) {
      figures.add(spectrum(run, spaces));
    }
    if (!run.density().isEmpty()) {
      figures.add(density(run));
    }
    Figure training = training(run.summary().history());
    if (training != null) {
      figures.add(training);
    }
    return figures;
  }

  private static Figure spectrum(RunFolder run, List<String> spaces) {
    XYChart values = Charts.xy(Figure.COLUMN, 150, "index i", "λᵢ", false, false);
    XYChart residuals = Charts.xy(Figure.COLUMN, 110, "index i", "‖Hvᵢ − λᵢvᵢ‖", false, true);
    for (int s = 0; s < spaces.size(); s++) {
      String space = spaces.get(s);
      List<RunRows.Spectrum> rows = run.spectrum().stream().filter(row -> row.space().equals(space)).toList();
      double[] index = rows.stream().mapToDouble(RunRows.Spectrum::index).toArray();
      double[] lambda = rows.stream().mapToDouble(RunRows.Spectrum::eigenvalue).toArray();
      double[] residual = rows.stream().mapToDouble(row -> Math.max(row.residual(), 1e-300)).toArray();
      Color color = spaces.size() == 1 ? INK : Palette.sequential(s, spaces.size());
      Charts.points(values, space, index, lambda, color);
      Charts.points(residuals, space, index, residual, color);
    }
    values.getStyler().setLegendVisible(spaces.size() > 1);
    residuals.getStyler().setLegendVisible(false);
    return new Figure("spectrum", "Top eigenvalues λ_i of the Hessian H(w*) found for each Hessian"
        + " space (top), and the residual of each eigenpair (bottom, log scale).", Figure.COLUMN, 260,
        Charts.stacked(List.of(values, residuals), new double[] {150 / 260.0, 110 / 260.0}));
  }

  private static Figure density(RunFolder run) {
    XYChart chart = Charts.xy(Figure.COLUMN, 170, "λ", "spectral density", false, false);
    List<String> spaces = run.density().stream().map(RunRows.Density::space).distinct().toList();
    for (int s = 0; s < spaces.size(); s++) {
      String space = spaces.get(s);
      List<RunRows.Density> rows = run.density().stream().filter(row -> row.space().equals(space)).toList();
      Charts.line(chart, space, rows.stream().mapToDouble(RunRows.Density::grid).toArray(),
          rows.stream().mapToDouble(RunRows.Density::density).toArray(),
          spaces.size() == 1 ? INK : Palette.sequential(s, spaces.size()), false);
    }
    chart.getStyler().setLegendVisible(spaces.size() > 1);
    return new Figure("density", "Spectral density of the Hessian at w* by stochastic Lanczos"
        + " quadrature.", Figure.COLUMN, 170, Charts.single(chart));
  }

  private static Figure training(List<Map<String, Double>> history) {
    List<Map<String, Double>> epochs = history.stream()
        .filter(epoch -> epoch.get("epoch") != null && epoch.get("loss") != null).toList();
    if (epochs.isEmpty()) {
      return null;
    }
    boolean positive = epochs.stream().allMatch(epoch -> epoch.get("loss") > 0);
    XYChart chart = Charts.xy(Figure.COLUMN, 170, "epoch", "mean training loss", false, positive);
    double[] x = epochs.stream().mapToDouble(epoch -> epoch.get("epoch")).toArray();
    Charts.line(chart, "training loss", x, epochs.stream().mapToDouble(epoch -> epoch.get("loss")).toArray(),
        INK, false);
    for (String key : List.of("test_loss", "validation_loss")) {
      if (epochs.stream().allMatch(epoch -> epoch.get(key) != null && (!positive || epoch.get(key) > 0))) {
        Charts.line(chart, key.replace('_', ' '), x,
            epochs.stream().mapToDouble(epoch -> epoch.get(key)).toArray(), new Color(0xD55E00), true);
      }
    }
    chart.getStyler().setLegendVisible(chart.getSeriesMap().size() > 1);
    return new Figure("training", "Mean training loss per epoch while finding w*.", Figure.COLUMN, 170,
        Charts.single(chart));
  }
}
