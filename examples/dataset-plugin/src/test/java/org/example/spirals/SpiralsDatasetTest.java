package org.example.spirals;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;

/** The contract every dataset plugin meets, fed with this plugin and what it should load. */
class SpiralsDatasetTest extends DatasetProviderContract {

  @Override
  protected DatasetProvider provider() {
    return new SpiralsDataset();
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset spirals", Map.of("examples", 300, "test-examples", 50));
  }

  @Override
  protected int expectedSize() {
    return 300;
  }

  @Override
  protected int expectedTestSize() {
    return 50;
  }

  @Override
  protected List<Integer> expectedInputShape() {
    return List.of(2);
  }

  @Override
  protected int expectedOutputs() {
    return 2;
  }

  @Override
  protected TargetKind expectedTargetKind() {
    return TargetKind.CLASSIFICATION;
  }
}
