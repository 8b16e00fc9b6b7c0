package org.deltascape.launcher.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The pictures of Δ_k, one set per space, each estimator in its {@link Palette} colour:
 * <ul>
 *   <li>{@code delta-<space>}: Δ_k against k, log-log, with the 95% band (ci_low..ci_high);
 *   <li>{@code plateau-<space>}: Δ_k·b·k(k+1)·(N−1)/N against k, whose expectation over data
 *       orders is the plateau V (PAPER.md, "Data order matters"), with V as a dashed line;
 *   <li>{@code estimators-<space>}: each estimator's Δ_k against the reference estimator's
 *       (monte-carlo when present), log-log, with the line y = x.
 * </ul>
 * Log axes cannot show zero or negative values: band ends below the axis floor are drawn at it.
 * For a run with replicates every curve is the mean over the replicates and its band ± 1 sd over
 * them (what {@link RunFolder} reads such a run as), and the captions say so.
 */
final class DeltaFigures {

  static final String REFERENCE = "monte-carlo";

  private DeltaFigures() {}

  /** Every Δ_k picture of the run. */
  static List<Figure> of(RunFolder run) {
    List<Figure> figures = new ArrayList<>();
    List<String> estimators = run.estimators();
    int b = run.summary().blockSize();
    for (String space : run.spaces()) {
      figures.add(delta(run, space, estimators, b));
      figures.add(plateau(run, space, estimators, b));
      if (estimators.size() > 1) {
        figures.add(estimators(run, space, estimators));
      }
    }
    return figures;
  }

  /** "R replicates (training seeds a, b, c)". */
  static String replicates(RunFolder run) {
    List<Long> seeds = run.replicates().trainingSeeds();
    return run.replicates().count() + " replicates (training seeds "
        + (seeds.size() <= 4 ? seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
            : seeds.get(0) + "–" + seeds.get(seeds.size() - 1)) + ")";
  }

  /** The axis title of k. */
  static String kTitle(int b) {
    return b == 1 ? "k (examples)" : "k (blocks of b = " + b + ")";
  }

  private static Figure delta(RunFolder run, String space, List<String> estimators, int b) {
    XYChart chart = Charts.xy(Figure.COLUMN, 200, kTitle(b), "Δₖ", true, true);
    double floor = floor(run, space);
    for (int e = 0; e < estimators.size(); e++) {
      Curve curve = Curve.of(run.curve(space, estimators.get(e)), floor);
      if (curve.k.length == 0) {
        continue;
      }
      Color color = Palette.estimator(estimators.get(e), e);
      if (curve.hasBand) {
        Charts.band(chart, estimators.get(e) + " 95%", curve.k, curve.low, curve.high, color);
      }
      Charts.line(chart, estimators.get(e), curve.k, curve.delta, color, false);
    }
    chart.getStyler().setYAxisMin(floor);
    return new Figure("delta-" + space, "Δ_k against k in the " + space + " space (log-log), "
        + (run.replicated() ? "each estimator's mean over " + replicates(run) + " with a band of ± 1 sd over them."
            : "each estimator with its 95% interval as a band."), Figure.COLUMN, 200, Charts.single(chart));
  }

  private static Figure plateau(RunFolder run, String space, List<String> estimators, int b) {
    long n = run.summary().examples();
    XYChart chart = Charts.xy(Figure.COLUMN, 200, kTitle(b), "Δₖ·b·k(k+1)·(N−1)/N", true, false);
    double top = 0;
    double bottom = 0;
    for (RunRows.Delta row : run.delta()) {
      double scaled = row.space().equals(space) ? row.delta() * scale(row.k(), b, n) : Double.NaN;
      top = Double.isFinite(scaled) ? Math.max(top, scaled) : top;
      bottom = Double.isFinite(scaled) ? Math.min(bottom, scaled) : bottom;
    }
    // head room for the legend; bands, noisy at large k, are cut at the plot's edges
    double max = top * 1.45;
    double min = Math.min(0, bottom * 1.2);
    for (int e = 0; e < estimators.size(); e++) {
      String estimator = estimators.get(e);
      List<RunRows.Delta> rows = run.curve(space, estimator);
      if (rows.isEmpty()) {
        continue;
      }
      double[] k = new double[rows.size()];
      double[] scaled = new double[rows.size()];
      double[] low = new double[rows.size()];
      double[] high = new double[rows.size()];
      boolean band = true;
      for (int i = 0; i < rows.size(); i++) {
        RunRows.Delta row = rows.get(i);
        double factor = scale(row.k(), b, n);
        k[i] = row.k();
        scaled[i] = row.delta() * factor;
        low[i] = Math.max(min, Math.min(max, row.ciLow() * factor));
        high[i] = Math.max(min, Math.min(max, row.ciHigh() * factor));
        band &= Double.isFinite(low[i]) && Double.isFinite(high[i]);
      }
      Color color = Palette.estimator(estimator, e);
      if (band) {
        Charts.band(chart, estimator + " 95%", k, low, high, color);
      }
      Charts.line(chart, estimator, k, scaled, color, false);
      RunSummary.Plateau v = run.summary().plateau(space, estimator);
      if (v != null && Double.isFinite(v.value())) {
        Charts.line(chart, "V, " + estimator, new double[] {k[0], k[k.length - 1]},
            new double[] {v.value(), v.value()}, color, true).setShowInLegend(false);
      }
    }
    if (max > min) {
      chart.getStyler().setYAxisMax(max);
      chart.getStyler().setYAxisMin(min);
    }
    return new Figure("plateau-" + space, "Δ_k·b·k(k+1)·(N−1)/N against k in the " + space
        + " space: its mean over data orders is the plateau V (dashed), so a flat curve at V is"
        + " the k⁻² law." + (run.replicated() ? " Means over " + replicates(run)
            + ", with a band of ± 1 sd over them; V is their mean plateau." : ""),
        Figure.COLUMN, 200, Charts.single(chart));
  }

  /** b·k(k+1)·(N−1)/N: Δ_k times this has expectation V over data orders. */
  static double scale(int k, int b, long n) {
    return b * (double) k * (k + 1) * (n - 1) / n;
  }

  private static Figure estimators(RunFolder run, String space, List<String> estimators) {
    String reference = estimators.contains(REFERENCE) ? REFERENCE : estimators.get(0);
    List<RunRows.Delta> base = run.curve(space, reference);
    XYChart chart = Charts.xy(Figure.COLUMN, 210, "Δₖ, " + reference, "Δₖ, other estimator", true, true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int e = 0; e < estimators.size(); e++) {
      String estimator = estimators.get(e);
      if (estimator.equals(reference)) {
        continue;
      }
      List<RunRows.Delta> rows = run.curve(space, estimator);
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < Math.min(rows.size(), base.size()); i++) {
        double x = base.get(i).delta();
        double y = rows.get(i).delta();
        if (x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y) && base.get(i).k() == rows.get(i).k()) {
          pairs.add(new double[] {x, y});
          lo = Math.min(lo, Math.min(x, y));
          hi = Math.max(hi, Math.max(x, y));
        }
      }
      if (!pairs.isEmpty()) {
        Charts.points(chart, estimator, pairs.stream().mapToDouble(p -> p[0]).toArray(),
            pairs.stream().mapToDouble(p -> p[1]).toArray(), Palette.estimator(estimator, e));
      }
    }
    if (hi > 0) {
      Charts.line(chart, "y = x", new double[] {lo, hi}, new double[] {lo, hi}, Color.DARK_GRAY, true);
    }
    return new Figure("estimators-" + space, "Each estimator's Δ_k against " + reference
        + "'s in the " + space + " space, one point per k (log-log); on the dashed line they agree."
        + (run.replicated() ? " Both are means over " + replicates(run) + "." : ""),
        Figure.COLUMN, 210, Charts.single(chart));
  }

  /** The log axis floor: a tenth of the smallest positive Δ_k of the space. */
  private static double floor(RunFolder run, String space) {
    double min = run.delta().stream().filter(row -> row.space().equals(space))
        .mapToDouble(RunRows.Delta::delta).filter(d -> d > 0 && Double.isFinite(d)).min().orElse(1);
    return Math.pow(10, Math.floor(Math.log10(min / 10)));
  }

  /** One estimator's positive points, band ends clamped to the floor. */
  private record Curve(double[] k, double[] delta, double[] low, double[] high, boolean hasBand) {
    static Curve of(List<RunRows.Delta> rows, double floor) {
      List<RunRows.Delta> kept = rows.stream().filter(row -> row.delta() > 0 && Double.isFinite(row.delta())).toList();
      int n = kept.size();
      double[] k = new double[n];
      double[] delta = new double[n];
      double[] low = new double[n];
      double[] high = new double[n];
      boolean band = n > 0;
      for (int i = 0; i < n; i++) {
        RunRows.Delta row = kept.get(i);
        k[i] = row.k();
        delta[i] = row.delta();
        band &= Double.isFinite(row.ciLow()) && Double.isFinite(row.ciHigh());
        low[i] = Math.max(floor, Math.min(row.ciLow(), row.delta()));
        high[i] = Math.max(floor, Math.max(row.ciHigh(), row.delta()));
      }
      return new Curve(k, delta, low, high, band);
    }
  }
}
