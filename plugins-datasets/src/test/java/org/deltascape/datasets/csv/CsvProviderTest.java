package org.deltascape.datasets.csv;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;

/**
 * {@code csv} on Fisher's iris as scikit-learn ships it (test resource iris.csv, from Debian's
 * python3-sklearn 1.2.1; see NOTICE): the first line {@code 150,4,setosa,…} skipped, rows
 * shuffled with seed 7, the last 20% held out, standardised.
 */
class CsvProviderTest extends DatasetProviderContract {
  static Path resource(String name) {
    try {
      return Path.of(CsvProviderTest.class.getResource("/org/deltascape/datasets/csv/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected DatasetProvider provider() {
    return new CsvProvider();
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset csv", Map.of("path", resource("iris.csv").toString(),
        "skip-lines", 1, "order", "shuffled", "test-fraction", 0.2, "normalize", "standard"));
  }

  @Override
  protected int expectedSize() {
    return 120;
  }

  @Override
  protected int expectedTestSize() {
    return 30;
  }

  @Override
  protected List<Integer> expectedInputShape() {
    return List.of(4);
  }

  @Override
  protected int expectedOutputs() {
    return 3;
  }

  @Override
  protected TargetKind expectedTargetKind() {
    return TargetKind.CLASSIFICATION;
  }
}
