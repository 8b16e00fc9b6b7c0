package org.deltascape.launcher.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;

/**
 * The pictures of the loss around w* that {@link Landscapes} computed: per space, 1-D profiles
 * L_k(w* + t·e_d) for the first {@value #PROFILE_DIRECTIONS} directions (one panel each, a line
 * per k), and the 2-D surfaces L_k(w* + αe_1 + βe_2) for every k on one shared colour scale
 * ({@link SurfacePainter}).
 */
final class LandscapeFigures {

  /** At most this many directions get a profile panel. */
  static final int PROFILE_DIRECTIONS = 4;

  private LandscapeFigures() {}

  /** Every landscape picture of the run. */
  static List<Figure> of(RunFolder run) {
    List<Figure> figures = new ArrayList<>();
    for (Map.Entry<String, List<RunRows.Profile>> entry : run.profiles().entrySet()) {
      if (!entry.getValue().isEmpty()) {
        figures.add(profiles(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<String, List<RunRows.Surface>> entry : run.surfaces().entrySet()) {
      if (!entry.getValue().isEmpty()) {
        figures.add(SurfacePainter.figure(entry.getKey(), entry.getValue()));
      }
    }
    return figures;
  }

  private static Figure profiles(String space, List<RunRows.Profile> rows) {
    TreeSet<Integer> ks = new TreeSet<>();
    TreeSet<Integer> directions = new TreeSet<>();
    rows.forEach(row -> {
      ks.add(row.k());
      directions.add(row.direction());
    });
    List<Integer> shown = directions.stream().limit(PROFILE_DIRECTIONS).toList();
    List<XYChart> charts = new ArrayList<>();
    int panel = 120;
    for (int d : shown) {
      XYChart chart = Charts.xy(Figure.COLUMN, panel, "t (along e" + subscript(d) + ")",
          "Lₙ(w* + t·e" + subscript(d) + ")", false, false);
      int i = 0;
      for (int k : ks) {
        Map<Double, Double> line = new TreeMap<>();
        rows.stream().filter(row -> row.k() == k && row.direction() == d).forEach(row -> line.put(row.t(), row.loss()));
        Charts.line(chart, "n = " + k, line.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
            line.values().stream().mapToDouble(Double::doubleValue).toArray(), Palette.sequential(i++, ks.size()), false);
      }
      chart.getStyler().setLegendVisible(charts.isEmpty());
      charts.add(chart);
    }
    double[] shares = new double[charts.size()];
    Arrays.fill(shares, 1.0 / charts.size());
    return new Figure("profile-" + space, "Mean loss L_k along each of the first " + shown.size()
        + " directions of the " + space + " space, one line per k (k in examples).", Figure.COLUMN,
        panel * charts.size(), Charts.stacked(charts, shares));
  }

  /** Unicode subscript digits, for e₁, e₂, ... in axis titles. */
  static String subscript(int number) {
    StringBuilder text = new StringBuilder();
    for (char c : Integer.toString(number).toCharArray()) {
      text.append((char) ('₀' + (c - '0')));
    }
    return text.toString();
  }
}
