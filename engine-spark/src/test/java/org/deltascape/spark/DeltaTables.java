package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares two runs' tidy tables (delta.csv) cell by cell, or their files byte by byte. */
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

  /**
   * Asserts that {@code actual} holds the files {@code expected} holds (its checkpoint folder
   * aside), each byte-identical, but summary.json, which is compared as JSON without what measures
   * wall-clock time (timings, the seconds of each training epoch) or names the engine.
   */
  static void assertSameFiles(Path actual, Path expected) throws IOException {
    List<Path> files = files(expected);
    assertThat(files(actual)).isEqualTo(files);
    assertThat(files).contains(Path.of("delta.csv"), Path.of("summary.json"));
    for (Path file : files) {
      if (file.getFileName().toString().equals("summary.json")) {
        assertThat(withoutClocks(actual.resolve(file))).as(file.toString())
            .isEqualTo(withoutClocks(expected.resolve(file)));
      } else {
        assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString())
            .isEqualTo(Files.readAllBytes(expected.resolve(file)));
      }
    }
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).map(folder::relativize)
          .filter(file -> !file.startsWith("checkpoint")).sorted().toList();
    }
  }

  private static JsonNode withoutClocks(Path summary) throws IOException {
    JsonNode root = new ObjectMapper().readTree(summary.toFile());
    strip(root);
    return root;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("timings");
      object.remove("seconds");
      if (object.has("engine") && object.has("config_sha256")) {
        object.remove("engine"); // provenance's
      }
    }
    node.forEach(DeltaTables::strip);
  }

  private static Double number(String cell) {
    try {
      return Double.valueOf(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
