package org.deltascape.launcher.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.launcher.output.Spread;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture of a size validation: the test loss (top) and test accuracy (bottom, when the
 * models have one) of fresh models trained on n examples, against n on a log axis, each the mean
 * over the models with ± 1 sd error bars, and a dashed vertical line at K(ε): where the landscape
 * stopped moving, does test performance stop improving?
 */
final class ValidationFigure {

  private static final Color INK = new Color(0x0072B2);
  private static final Color MARKER = new Color(0xD55E00);

  private ValidationFigure() {}

  /** The picture, or null when the validation has no models (skipped). */
  static Figure of(Validation validation) {
    List<Integer> sizes = validation.sizes();
    if (sizes.isEmpty()) {
      return null;
    }
    List<XYChart> charts = new ArrayList<>();
    charts.add(panel(sizes, validation, true, validation.kExamples()));
    boolean accuracy = sizes.stream().allMatch(n -> validation.testAccuracy(n).count() > 0);
    if (accuracy) {
      charts.add(panel(sizes, validation, false, validation.kExamples()));
    }
    int height = accuracy ? 300 : 160;
    double[] shares = accuracy ? new double[] {0.5, 0.5} : new double[] {1};
    String which = validation.space() == null ? ""
        : " (space " + validation.space() + ", estimator " + validation.estimator() + ")";
    return new Figure("validation", "Test loss" + (accuracy ? " (top) and test accuracy (bottom)" : "")
        + " of fresh models trained on the first n examples, against n (log scale): mean over "
        + validation.models() + (validation.models() == 1 ? " model" : " models")
        + " per size with ± 1 sd error bars; the dashed line is K(ε)" + which + ".",
        Figure.COLUMN, height, Charts.stacked(charts, shares));
  }

  private static XYChart panel(List<Integer> sizes, Validation validation, boolean loss, long k) {
    double[] x = sizes.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] mean = new double[x.length];
    double[] sd = new double[x.length];
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      Spread spread = loss ? validation.testLoss(sizes.get(i)) : validation.testAccuracy(sizes.get(i));
      mean[i] = spread.mean();
      sd[i] = Double.isFinite(spread.sd()) ? spread.sd() : 0;
      low = Math.min(low, mean[i] - sd[i]);
      high = Math.max(high, mean[i] + sd[i]);
    }
    XYChart chart = Charts.xy(Figure.COLUMN, 150, "n, training examples", loss ? "test loss" : "test accuracy",
        true, false);
    XYSeries series = chart.addSeries(loss ? "test loss" : "test accuracy", x, mean, sd);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(INK);
    series.setLineColor(INK);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    double margin = high > low ? 0.08 * (high - low) : Math.max(1e-3, Math.abs(high) * 0.05);
    low -= margin;
    high += margin;
    if (k > 0) {
      Charts.line(chart, "K(ε) = " + k, new double[] {k, k}, new double[] {low, high}, MARKER, true);
    }
    chart.getStyler().setYAxisMin(low);
    chart.getStyler().setYAxisMax(high);
    chart.getStyler().setLegendVisible(k > 0);
    // loss falls and accuracy rises with n: the legend goes where the curve is not
    chart.getStyler().setLegendPosition(loss ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
    return chart;
  }
}
