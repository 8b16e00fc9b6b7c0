package org.deltascape.launcher.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deltascape.launcher.output.Spread;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pictures of the model at w*: the Hessian spectrum of each space that has one (eigenvalue
 * by index, with the residuals ‖Hv − λv‖ in a second panel), the SLQ spectral density when the
 * run wrote {@code density.csv}, and the training curve from {@code model.history}. For a run with
 * replicates the spectrum is the mean λ_i with ± 1 sd error bars and the largest residual, the
 * training curve the mean loss per epoch with a band of ± 1 sd, and the density replicate 0's.
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
      Figure density = density(run);
      figures.add(run.replicated() ? new Figure(density.name(), density.caption() + " Replicate 0's w*.",
          density.width(), density.height(), density.painter()) : density);
    }
    Figure training = run.replicated() ? replicatedTraining(run) : training(run.summary().history());
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
      if (run.replicated()) {
        List<Spread> spreads = run.replicates().eigenvalues(space);
        double[] sd = new double[index.length];
        for (int i = 0; i < sd.length && i < spreads.size(); i++) {
          sd[i] = Double.isFinite(spreads.get(i).sd()) ? spreads.get(i).sd() : 0;
        }
        XYSeries series = values.addSeries(space, index, lambda, sd);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
        values.getStyler().setErrorBarsColorSeriesColor(true);
      } else {
        Charts.points(values, space, index, lambda, color);
      }
      Charts.points(residuals, space, index, residual, color);
    }
    values.getStyler().setLegendVisible(spaces.size() > 1);
    residuals.getStyler().setLegendVisible(false);
    return new Figure("spectrum", run.replicated()
        ? "Top eigenvalues λ_i of the Hessian H(w*) found for each Hessian space, the mean over "
            + DeltaFigures.replicates(run) + " with ± 1 sd error bars (top), and the largest residual"
            + " of each eigenpair over them (bottom, log scale)."
        : "Top eigenvalues λ_i of the Hessian H(w*) found for each Hessian"
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

  /** The mean training loss per epoch over the replicates, with a band of ± 1 sd. */
  private static Figure replicatedTraining(RunFolder run) {
    List<List<Map<String, Double>>> histories = run.replicates().runs().stream()
        .map(replicate -> replicate.summary().history().stream()
            .filter(epoch -> epoch.get("epoch") != null && epoch.get("loss") != null).toList())
        .toList();
    int epochs = histories.stream().mapToInt(List::size).min().orElse(0);
    if (epochs == 0) {
      return null;
    }
    double[] x = new double[epochs];
    double[] mean = new double[epochs];
    double[] low = new double[epochs];
    double[] high = new double[epochs];
    boolean positive = true;
    for (int e = 0; e < epochs; e++) {
      int at = e;
      Spread spread = Spread.of(
          histories.stream().mapToDouble(history -> history.get(at).get("loss")).toArray());
      double sd = Double.isFinite(spread.sd()) ? spread.sd() : 0;
      x[e] = histories.get(0).get(e).get("epoch");
      mean[e] = spread.mean();
      low[e] = spread.mean() - sd;
      high[e] = spread.mean() + sd;
      positive &= spread.min() > 0;
    }
    XYChart chart = Charts.xy(Figure.COLUMN, 170, "epoch", "mean training loss", false, positive);
    if (positive) {
      double floor = Arrays.stream(mean).min().orElse(1) / 10;
      for (int e = 0; e < epochs; e++) {
        low[e] = Math.max(floor, low[e]);
      }
    }
    Charts.band(chart, "± 1 sd", x, low, high, INK);
    Charts.line(chart, "training loss", x, mean, INK, false);
    chart.getStyler().setLegendVisible(false);
    return new Figure("training", "Mean training loss per epoch while finding w*, the mean over "
        + DeltaFigures.replicates(run) + " with a band of ± 1 sd over them.", Figure.COLUMN, 170,
        Charts.single(chart));
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
