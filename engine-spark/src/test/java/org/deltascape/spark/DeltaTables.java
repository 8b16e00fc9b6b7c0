package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compares two runs' tidy tables (delta.csv) cell by cell. */
final class DeltaTables {

  private DeltaTables() {}

  /**
   * Asserts that {@code actual}'s delta.csv has {@code expected}'s header, rows and text cells,
   * and numbers (Δ_k, its standard error and interval, Δ_k², L_k) equal to within {@code
   * relative} of the larger magnitude.
   */
  static void assertAgree(Path actual, Path expected, double relative) throws IOException {
    List<String> want = Files.readAllLines(expected.resolve("delta.csv"));
    List<String> got = Files.readAllLines(actual.resolve("delta.csv"));
    assertThat(got).hasSameSizeAs(want);
    assertThat(got.get(0)).isEqualTo(want.get(0));
    for (int row = 1; row < want.size(); row++) {
      String[] a = got.get(row).split(",", -1);
      String[] b = want.get(row).split(",", -1);
      assertThat(a).as("row %d", row).hasSameSizeAs(b);
      for (int column = 0; column < b.length; column++) {
        Double x = number(a[column]);
        Double y = number(b[column]);
        if (x == null || y == null || x.isNaN() || y.isNaN()) {
          assertThat(a[column]).as("row %d column %d", row, column).isEqualTo(b[column]);
        } else {
          double scale = Math.max(Math.abs(x), Math.abs(y));
          assertThat(Math.abs(x - y)).as("row %d column %d: %s vs %s", row, column, x, y)
              .isLessThanOrEqualTo(relative * scale);
        }
      }
    }
  }

  private static Double number(String cell) {
    try {
      return Double.valueOf(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
