package org.deltascape.launcher.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts in the house style: sized in points for a paper column, 9 pt sans-serif text,
 * no title (the caption says it), no plot border, grid lines or other chart junk, the legend in
 * the top right corner without a box, and linear axes' tick labels as 2×10⁻⁵ rather than 2E-5.
 */
final class Charts {

  /** Text size in points: at least 9 pt when the figure is printed at column width. */
  static final float FONT = 9f;

  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final BasicStroke THIN = new BasicStroke(1.2f);

  private Charts() {}

  /** An empty XY chart with the given axis titles (the paper's notation) and scales. */
  static XYChart xy(int width, int height, String xTitle, String yTitle, boolean logX, boolean logY) {
    XYChart chart = new XYChart(width, height);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    XYStyler style = chart.getStyler();
    style.setChartTitleVisible(false);
    style.setBaseFont(TEXT);
    style.setAxisTitleFont(TEXT);
    style.setAxisTickLabelsFont(TEXT);
    style.setLegendFont(TEXT);
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotBorderVisible(false);
    style.setPlotGridLinesVisible(false);
    style.setAxisTickMarkLength(3);
    style.setAxisTickPadding(2);
    style.setAxisTitlePadding(3);
    style.setChartPadding(4);
    style.setPlotMargin(2);
    style.setLegendPosition(Styler.LegendPosition.InsideNE);
    style.setLegendBorderColor(new Color(255, 255, 255, 0));
    style.setLegendBackgroundColor(new Color(255, 255, 255, 210));
    style.setLegendPadding(2);
    style.setLegendSeriesLineLength(12);
    style.setMarkerSize(4);
    style.setXAxisLogarithmic(logX);
    style.setYAxisLogarithmic(logY);
    style.setXAxisLogarithmicDecadeOnly(true);
    style.setYAxisLogarithmicDecadeOnly(true);
    style.setToolTipsEnabled(false);
    // XChart 3.8.8 lays a formatted axis out linearly, so log axes keep its own labels (1E-4)
    if (!logX) {
      style.setxAxisTickLabelsFormattingFunction(Charts::tick);
    }
    if (!logY) {
      style.setyAxisTickLabelsFormattingFunction(Charts::tick);
    }
    style.setAntiAlias(true);
    return chart;
  }

  /**
   * A tick label: powers of ten as 10⁻⁴ (plain from 10⁻³ to 10³), other values with three significant
   * digits, in scientific notation (2×10⁻⁵) outside 10⁻³..10⁵.
   */
  static String tick(Double value) {
    double v = value;
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : "";
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
    double mantissa = v / Math.pow(10, exponent);
    boolean power = Math.abs(Math.abs(mantissa) - 1) < 1e-6;
    if (power && (exponent < -3 || exponent > 3)) {
      return (v < 0 ? "−" : "") + "10" + superscript(exponent);
    }
    if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5) {
      String text = String.format(Locale.ROOT, "%.3g", v);
      text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
      return text.replace('-', '−');
    }
    String digits = String.format(Locale.ROOT, "%.2g", mantissa);
    digits = digits.contains(".") ? digits.replaceAll("0+$", "").replaceAll("\\.$", "") : digits;
    return digits.replace('-', '−') + "×10" + superscript(exponent);
  }

  /** Unicode superscript digits and minus. */
  static String superscript(int number) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder text = new StringBuilder(number < 0 ? "⁻" : "");
    for (char c : Integer.toString(Math.abs(number)).toCharArray()) {
      text.append(digits.charAt(c - '0'));
    }
    return text.toString();
  }

  /**
   * The values with ±∞ as NaN, which charts leave out as gaps: a Δ_k that overflowed (the run
   * warns about it) must not keep the other curves from being drawn.
   */
  static double[] finite(double[] values) {
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (Double.isInfinite(copy[i])) {
        copy[i] = Double.NaN;
      }
    }
    return copy;
  }

  /** A line without markers. */
  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
    XYSeries series = chart.addSeries(name, finite(x), finite(y));
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(dashed
        ? new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f)
        : THIN);
    return series;
  }

  /** Points without a line. */
  static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color) {
    XYSeries series = chart.addSeries(name, finite(x), finite(y));
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(color);
    return series;
  }

  /**
   * A filled band between {@code low} and {@code high} over x, as one closed polygon, left out
   * of the legend.
   */
  static void band(XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
    int n = x.length;
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = x[i];
      py[i] = high[i];
      px[2 * n - 1 - i] = x[i];
      py[2 * n - 1 - i] = low[i];
    }
    XYSeries series = chart.addSeries(name, finite(px), finite(py));
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    series.setMarker(SeriesMarkers.NONE);
    series.setFillColor(Palette.translucent(color, 56));
    series.setLineColor(Palette.translucent(color, 0));
    series.setLineStyle(new BasicStroke(0f));
    series.setShowInLegend(false);
  }

  /** A painter that stacks charts top to bottom, each as tall as its share of the height. */
  static Figure.Painter stacked(List<XYChart> charts, double[] shares) {
    return (graphics, width, height) -> {
      double top = 0;
      for (int i = 0; i < charts.size(); i++) {
        int panel = (int) Math.round(height * shares[i]);
        Graphics2D g = (Graphics2D) graphics.create();
        try {
          g.translate(0, top);
          charts.get(i).paint(g, width, panel);
        } finally {
          g.dispose();
        }
        top += panel;
      }
    };
  }

  /** A painter of one chart. */
  static Figure.Painter single(XYChart chart) {
    return chart::paint;
  }
}
