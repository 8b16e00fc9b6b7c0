package org.deltascape.datasets.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code digits} with its defaults. Reference values: the first line of the bundled digits.csv
 * ({@code 0,0,5,13,9,1,…,0}) and the decompressed SHA-256 recorded in NOTICE.
 */
class DigitsProviderTest extends DatasetProviderContract {
  @Override
  protected DatasetProvider provider() {
    return new DigitsProvider();
  }

  @Override
  protected Settings settings() {
    return Settings.empty("dataset digits");
  }

  @Override
  protected int expectedSize() {
    return 1500;
  }

  @Override
  protected int expectedTestSize() {
    return 297;
  }

  @Override
  protected List<Integer> expectedInputShape() {
    return List.of(64);
  }

  @Override
  protected int expectedOutputs() {
    return 10;
  }

  @Override
  protected TargetKind expectedTargetKind() {
    return TargetKind.CLASSIFICATION;
  }

  private LoadedData load(Map<String, ?> values) {
    return provider().load(Settings.of("dataset digits", values), new DatasetContext(1, Progress.silent()));
  }

  @Test
  void firstRowIsTheFilesFirstLineOverSixteen() {
    double[] x = loaded().train().batch(0, 1, DataType.DOUBLE).features().data().asDouble();
    assertThat(x[2]).isEqualTo(5 / 16.0);
    assertThat(x[3]).isEqualTo(13 / 16.0);
    double[] y = loaded().train().batch(0, 1, DataType.DOUBLE).targets().data().asDouble();
    assertThat(y[0]).isEqualTo(1.0);
    assertThat(loaded().train().sha256())
        .isEqualTo("6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8");
  }

  @Test
  void limitFlattenAndTestSize() {
    LoadedData data = load(Map.of("limit", 100, "flatten", false, "test-size", 0));
    assertThat(data.train().size()).isEqualTo(100);
    assertThat(data.train().inputShape()).containsExactly(1, 8, 8);
    assertThat(data.test()).isNull();
  }

  @Test
  void limitAboveTheTrainSplitNamesBothNumbers() {
    assertThatThrownBy(() -> load(Map.of("limit", 1501)))
        .hasMessage("code: dataset digits: limit = 1501: is more than the 1500 examples of the train"
            + " split (1797 rows minus test-size 297). Use a limit of at most 1500 or a smaller"
            + " test-size.");
  }

  @Test
  void unknownKeyIsRefused() {
    assertThatThrownBy(() -> load(Map.of("limt", 3)))
        .hasMessage("dataset digits: unknown keys [limt]; the keys are [test-size, limit, flatten]."
            + " Remove or rename the unknown keys.");
  }
}
