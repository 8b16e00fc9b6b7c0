package org.deltascape.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code csv} options and faults, on small files the test writes and on the UCI wine data as
 * scikit-learn ships it (test resource wine_data.csv; see NOTICE). Every fault message is pinned.
 */
class CsvFileTest {
  private static final String FIX = ". Correct the file, or choose other columns.";
  @TempDir Path temp;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private LoadedData load(Path file, Map<String, ?> extra) {
    Map<String, Object> values = new HashMap<>(extra);
    values.put("path", file.toString());
    return new CsvProvider().load(Settings.of("dataset csv", values), new DatasetContext(7, Progress.silent()));
  }

  @Test
  void wineLoadsWithItsThreeClasses() {
    LoadedData wine = load(CsvProviderTest.resource("wine_data.csv"), Map.of("skip-lines", 1));
    assertThat(wine.train().size()).isEqualTo(178);
    assertThat(wine.train().inputShape()).containsExactly(13);
    assertThat(wine.train().outputs()).isEqualTo(3);
    assertThat(wine.train().sha256())
        .isEqualTo("10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede");
    assertThat(wine.notes()).containsExactly("csv: classes {0=0, 1=1, 2=2}");
  }

  @Test
  void headerNamesStringLabelsGzipAndMinmax() throws IOException {
    String text = "a;b;kind\n1;10;cat\n3;20;dog\n2;30;cat\n";
    Path gz = temp.resolve("pets.csv.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    LoadedData data = load(gz, Map.of("header", true, "delimiter", ";", "label", "kind",
        "features", List.of("b", "a"), "normalize", "minmax"));
    assertThat(data.train().all(DataType.DOUBLE).features().toDoubleMatrix())
        .isEqualTo(new double[][] {{0, 0}, {0.5, 1}, {1, 0.5}});
    assertThat(data.train().all(DataType.DOUBLE).targets().toDoubleMatrix())
        .isEqualTo(new double[][] {{1, 0}, {0, 1}, {1, 0}});
    assertThat(data.notes()).contains("csv: classes {cat=0, dog=1}");
    LoadedData mapped = load(gz, Map.of("header", true, "delimiter", ";", "labels", List.of("dog", "cat")));
    assertThat(mapped.train().batch(0, 1, DataType.DOUBLE).targets().toDoubleVector()).containsExactly(0, 1);
  }

  @Test
  void regressionAndTestPath() throws IOException {
    Path train = write("train.csv", "1,2,0.5\n3,4,1.5\n");
    Path test = write("test.csv", "5,6,2.5\n");
    LoadedData data = load(train, Map.of("task", "regression", "test-path", test.toString()));
    assertThat(data.train().targetKind()).isEqualTo(TargetKind.REGRESSION);
    assertThat(data.train().all(DataType.DOUBLE).targets().toDoubleVector()).containsExactly(0.5, 1.5);
    assertThat(data.test().all(DataType.DOUBLE).features().toDoubleVector()).containsExactly(5, 6);
    assertThat(data.test().sha256()).isNotEqualTo(data.train().sha256());
  }

  @Test
  void missingValueNamesLineAndColumn() throws IOException {
    Path file = write("gap.csv", "skip me\n1,2,0\n\n3,,1\n");
    assertThatThrownBy(() -> load(file, Map.of("skip-lines", 1)))
        .hasMessage(file + ": line 4, column 1: missing value" + FIX);
  }

  @Test
  void nonNumericValueNamesLineAndColumn() throws IOException {
    Path file = write("text.csv", "x,y,label\n1,2,0\n3,abc,1\n");
    assertThatThrownBy(() -> load(file, Map.of("header", true)))
        .hasMessage(file + ": line 3, column 1 (\"y\"): \"abc\" is not a number" + FIX);
  }

  @Test
  void inconsistentColumnCount() throws IOException {
    Path file = write("ragged.csv", "1,2,0\n3,4,5,1\n");
    assertThatThrownBy(() -> load(file, Map.of()))
        .hasMessage(file + ": line 2 has 4 columns but line 1 has 3" + FIX);
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write("empty.csv", "");
    assertThatThrownBy(() -> load(file, Map.of()))
        .hasMessage(file + ": empty file: no data rows after line 0" + FIX);
    Path headerOnly = write("header.csv", "150,4,setosa\n");
    assertThatThrownBy(() -> load(headerOnly, Map.of("skip-lines", 1)))
        .hasMessage(headerOnly + ": empty file: no data rows after line 1" + FIX);
  }

  @Test
  void unknownColumnAndUnmappedLabel() throws IOException {
    Path file = write("cols.csv", "a,b,label\n1,2,x\n3,4,y\n");
    assertThatThrownBy(() -> load(file, Map.of("header", true, "label", "c")))
        .hasMessage(file + ": no column c; the columns are [0 (\"a\"), 1 (\"b\"), 2 (\"label\")]" + FIX);
    assertThatThrownBy(() -> load(file, Map.of("header", true, "labels", List.of("x", "z"))))
        .hasMessage(file + ": line 3, column 2 (\"label\"): label \"y\" is not in the labels mapping"
            + " [x, z]" + FIX);
  }

  @Test
  void limitAboveTheTrainSplitNamesBothNumbers() {
    assertThatThrownBy(() -> load(CsvProviderTest.resource("iris.csv"),
        Map.of("skip-lines", 1, "test-fraction", 0.2, "limit", 121)))
        .hasMessage("code: dataset csv: limit = 121: is more than the 120 rows of the train split."
            + " Use a limit of at most 120.");
  }
}
