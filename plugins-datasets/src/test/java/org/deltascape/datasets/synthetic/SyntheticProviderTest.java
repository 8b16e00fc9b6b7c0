package org.deltascape.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code synthetic} classification: 120 examples of 4 features in 3 classes, seed 11. */
class SyntheticProviderTest extends DatasetProviderContract {
  @Override
  protected DatasetProvider provider() {
    return new SyntheticProvider();
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset synthetic",
        Map.of("examples", 120, "features", 4, "classes", 3, "test-examples", 30, "seed", 11));
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

  @Test
  void exampleIDoesNotDependOnN() {
    Settings fewer = Settings.of("dataset synthetic",
        Map.of("examples", 50, "features", 4, "classes", 3, "test-examples", 30, "seed", 11));
    var small = provider().load(fewer, new DatasetContext(99, Progress.silent())).train();
    assertThat(small.all(DataType.FLOAT).features().data().asFloat())
        .containsExactly(loaded().train().batch(0, 50, DataType.FLOAT).features().data().asFloat());
  }

  @Test
  void theContextSeedIsTheDefault() {
    Settings unseeded = Settings.of("dataset synthetic", Map.of("examples", 20));
    String a = provider().load(unseeded, new DatasetContext(1, Progress.silent())).train().sha256();
    String b = provider().load(unseeded, new DatasetContext(2, Progress.silent())).train().sha256();
    assertThat(a).isNotEqualTo(b);
  }
}
