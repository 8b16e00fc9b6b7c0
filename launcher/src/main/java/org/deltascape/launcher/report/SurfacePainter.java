package org.deltascape.launcher.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Paints 2-D loss surfaces L_k(w* + αe_1 + βe_2), one heat-map panel per k in two columns, all on
 * one colour scale (viridis; logarithmic when the losses are positive and span more than two
 * decades) with a shared colour bar, and w* marked by a cross. XChart's HeatMapChart labels every
 * grid cell and scales each chart on its own, so this small painter does it instead.
 */
final class SurfacePainter implements Figure.Painter {

  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  private static final int COLUMNS = 2;
  private static final int BAR = 60;
  private static final int TITLE = 12;
  private static final int AXIS = 22;

  private final List<Integer> ks;
  private final double[] alphas;
  private final double[] betas;
  private final double[][][] loss;
  private final double low;
  private final double high;
  private final boolean logScale;

  private SurfacePainter(List<RunRows.Surface> rows) {
    TreeSet<Integer> kSet = new TreeSet<>();
    TreeSet<Double> alphaSet = new TreeSet<>();
    TreeSet<Double> betaSet = new TreeSet<>();
    rows.forEach(row -> {
      kSet.add(row.k());
      alphaSet.add(row.alpha());
      betaSet.add(row.beta());
    });
    ks = List.copyOf(kSet);
    alphas = alphaSet.stream().mapToDouble(Double::doubleValue).toArray();
    betas = betaSet.stream().mapToDouble(Double::doubleValue).toArray();
    loss = new double[ks.size()][alphas.length][betas.length];
    for (double[][] plane : loss) {
      for (double[] line : plane) {
        java.util.Arrays.fill(line, Double.NaN);
      }
    }
    TreeMap<Double, Integer> alphaIndex = index(alphas);
    TreeMap<Double, Integer> betaIndex = index(betas);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (RunRows.Surface row : rows) {
      loss[ks.indexOf(row.k())][alphaIndex.get(row.alpha())][betaIndex.get(row.beta())] = row.loss();
      if (Double.isFinite(row.loss())) {
        min = Math.min(min, row.loss());
        max = Math.max(max, row.loss());
      }
    }
    logScale = min > 0 && max / min > 100;
    low = min;
    high = max > min ? max : min + 1;
  }

  /** The surface figure of one space. */
  static Figure figure(String space, List<RunRows.Surface> rows) {
    SurfacePainter painter = new SurfacePainter(rows);
    int side = (Figure.COLUMN - BAR - AXIS) / COLUMNS - 4;
    int panelRows = (painter.ks.size() + COLUMNS - 1) / COLUMNS;
    int height = panelRows * (side + TITLE + AXIS) + 4;
    return new Figure("surface-" + space, "Mean loss L_k(w* + αe₁ + βe₂) over the top two directions"
        + " of the " + space + " space, one panel per k (k in examples), on one colour scale"
        + (painter.logScale ? " (logarithmic)" : "") + "; the cross marks w*.", Figure.COLUMN, height, painter);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setFont(TEXT);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    int side = (width - BAR - AXIS) / COLUMNS - 4;
    for (int p = 0; p < ks.size(); p++) {
      double x0 = AXIS + (p % COLUMNS) * (side + 4);
      double y0 = (p / COLUMNS) * (side + TITLE + AXIS) + TITLE;
      panel(g, p, x0, y0, side);
    }
    colourBar(g, width - BAR + 8, TITLE, Math.min(height - TITLE - AXIS, 2 * side));
  }

  private void panel(Graphics2D g, int p, double x0, double y0, double side) {
    double cellW = side / alphas.length;
    double cellH = side / betas.length;
    for (int i = 0; i < alphas.length; i++) {
      for (int j = 0; j < betas.length; j++) {
        double value = loss[p][i][j];
        g.setColor(Double.isNaN(value) ? Color.LIGHT_GRAY : Palette.sequential(fraction(value)));
        // β grows upwards; cells overlap by a hair so that no seams show in vector output
        g.fill(new Rectangle2D.Double(x0 + i * cellW, y0 + side - (j + 1) * cellH, cellW + 0.3, cellH + 0.3));
      }
    }
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(0.8f));
    double cx = x0 + side * (0 - alphas[0]) / (alphas[alphas.length - 1] - alphas[0] + 1e-300);
    double cy = y0 + side - side * (0 - betas[0]) / (betas[betas.length - 1] - betas[0] + 1e-300);
    if (cx >= x0 && cx <= x0 + side && cy >= y0 && cy <= y0 + side) {
      g.draw(new java.awt.geom.Line2D.Double(cx - 3, cy, cx + 3, cy));
      g.draw(new java.awt.geom.Line2D.Double(cx, cy - 3, cx, cy + 3));
    }
    g.setColor(Color.BLACK);
    FontMetrics metrics = g.getFontMetrics();
    centred(g, "n = " + ks.get(p), x0 + side / 2, y0 - 3);
    double ascent = metrics.getAscent();
    g.drawString(label(alphas[0]), (float) x0, (float) (y0 + side + ascent + 1));
    String right = label(alphas[alphas.length - 1]);
    g.drawString(right, (float) (x0 + side - metrics.stringWidth(right)), (float) (y0 + side + ascent + 1));
    centred(g, "α", x0 + side / 2, y0 + side + ascent + 1);
    if (p % COLUMNS == 0) {
      String top = label(betas[betas.length - 1]);
      g.drawString(top, (float) (x0 - metrics.stringWidth(top) - 2), (float) (y0 + ascent));
      String bottom = label(betas[0]);
      g.drawString(bottom, (float) (x0 - metrics.stringWidth(bottom) - 2), (float) (y0 + side));
      g.drawString("β", (float) (x0 - metrics.stringWidth("β") - 3), (float) (y0 + side / 2 + ascent / 2));
    }
  }

  private void colourBar(Graphics2D g, double x, double y, double length) {
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      g.setColor(Palette.sequential((s + 0.5) / steps));
      g.fill(new Rectangle2D.Double(x, y + length - (s + 1) * length / steps, 8, length / steps + 0.3));
    }
    g.setColor(Color.BLACK);
    double ascent = g.getFontMetrics().getAscent();
    g.drawString(label(high), (float) (x + 10), (float) (y + ascent - 1));
    g.drawString(label(low), (float) (x + 10), (float) (y + length));
    double mid = logScale ? Math.sqrt(low * high) : (low + high) / 2;
    g.drawString(label(mid), (float) (x + 10), (float) (y + length / 2 + ascent / 2));
    g.drawString("Lₙ", (float) x, (float) (y - 3));
  }

  private double fraction(double value) {
    return logScale ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
  }

  private static void centred(Graphics2D g, String text, double x, double baseline) {
    g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
  }

  private static String label(double value) {
    double magnitude = Math.abs(value);
    return magnitude != 0 && (magnitude < 0.01 || magnitude >= 1e4)
        ? String.format(Locale.ROOT, "%.1e", value).replace("e-0", "e-").replace("e+0", "e")
        : trimmed(String.format(Locale.ROOT, "%.2g", value));
  }

  private static String trimmed(String number) {
    return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
  }

  private static TreeMap<Double, Integer> index(double[] values) {
    TreeMap<Double, Integer> index = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      index.put(values[i], i);
    }
    return index;
  }
}
