package org.deltascape.datasets.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a CSV table are the label and the features, resolved from names (with a
 * header) or 0-based indices.
 *
 * @param label the label's index
 * @param features the features' indices, in order
 * @param names each column's display name ({@code 3 ("petal width")} or {@code 3})
 */
record CsvColumns(int label, int[] features, List<String> names) {

  /**
   * @param label a name or index, or null for the last column
   * @param features names or indices, or null for every column but the label
   */
  static CsvColumns resolve(CsvTable table, String label, List<String> features) {
    int count = table.columns();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      names.add(table.header() == null ? Integer.toString(c) : c + " (\"" + table.header().get(c) + "\")");
    }
    int labelIndex = label == null ? count - 1 : index(table, label, names);
    int[] featureIndices;
    if (features == null) {
      featureIndices = new int[count - 1];
      for (int c = 0, k = 0; c < count; c++) {
        if (c != labelIndex) {
          featureIndices[k++] = c;
        }
      }
    } else {
      featureIndices = features.stream().mapToInt(name -> index(table, name, names)).toArray();
    }
    return new CsvColumns(labelIndex, featureIndices, List.copyOf(names));
  }

  private static int index(CsvTable table, String column, List<String> names) {
    if (table.header() != null && table.header().contains(column)) {
      return table.header().indexOf(column);
    }
    try {
      int index = Integer.parseInt(column.trim());
      if (index >= 0 && index < table.columns()) {
        return index;
      }
    } catch (NumberFormatException e) {
      // Not an index either: reported below.
    }
    throw CsvFault.of(table.path(), CsvFault.UNKNOWN_COLUMN, column, names);
  }
}
