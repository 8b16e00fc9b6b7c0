package org.deltascape.datasets.csv;

import java.util.Map;

/**
 * The numbers of a CSV table: {@code size × width} float32 features and either class indices or
 * one real target per row. Scaling changes the features in place; selection copies.
 *
 * @param features row-major features
 * @param width features per row
 * @param classes class of each row, or null for regression
 * @param values target of each row (regression), or null
 */
record CsvRows(float[] features, int width, int[] classes, float[] values) {

  /** The number of rows. */
  int size() {
    return features.length / width;
  }

  /** Converts every cell, naming the line and column of the first that is not a number. */
  static CsvRows parse(CsvTable table, CsvColumns columns, Map<String, Integer> mapping) {
    int n = table.rows().size();
    int width = columns.features().length;
    float[] features = new float[n * width];
    int[] classes = mapping == null ? null : new int[n];
    float[] values = mapping == null ? new float[n] : null;
    for (int i = 0; i < n; i++) {
      String[] row = table.rows().get(i);
      int line = table.lines()[i];
      for (int f = 0; f < width; f++) {
        features[i * width + f] = number(table, row, line, columns, columns.features()[f]);
      }
      int label = columns.label();
      if (mapping == null) {
        values[i] = number(table, row, line, columns, label);
      } else {
        Integer c = mapping.get(row[label]);
        if (c == null) {
          if (row[label].isEmpty()) {
            throw CsvFault.of(table.path(), CsvFault.MISSING_VALUE, line, columns.names().get(label));
          }
          throw CsvFault.of(table.path(), CsvFault.UNKNOWN_LABEL, line, columns.names().get(label),
              row[label], mapping.keySet());
        }
        classes[i] = c;
      }
    }
    return new CsvRows(features, width, classes, values);
  }

  /** Whether {@code text} is a finite decimal number. */
  static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static float number(CsvTable table, String[] row, int line, CsvColumns columns, int c) {
    String cell = row[c];
    if (cell.isEmpty()) {
      throw CsvFault.of(table.path(), CsvFault.MISSING_VALUE, line, columns.names().get(c));
    }
    if (!isNumber(cell)) {
      throw CsvFault.of(table.path(), CsvFault.NOT_A_NUMBER, line, columns.names().get(c), cell);
    }
    return Float.parseFloat(cell);
  }

  /** The rows at {@code order}, copied. */
  CsvRows select(int[] order) {
    float[] x = new float[order.length * width];
    int[] c = classes == null ? null : new int[order.length];
    float[] v = values == null ? null : new float[order.length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(features, order[i] * width, x, i * width, width);
      if (c != null) {
        c[i] = classes[order[i]];
      } else {
        v[i] = values[order[i]];
      }
    }
    return new CsvRows(x, width, c, v);
  }

  /** Scales the features in place. */
  void scale(ColumnScaling scaling) {
    scaling.apply(features, width);
  }
}
