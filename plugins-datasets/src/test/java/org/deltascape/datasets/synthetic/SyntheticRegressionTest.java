package org.deltascape.datasets.synthetic;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;

/** {@code synthetic} regression: 80 examples of 5 features, 2 targets, no test split. */
class SyntheticRegressionTest extends DatasetProviderContract {
  @Override
  protected DatasetProvider provider() {
    return new SyntheticProvider();
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset synthetic", Map.of("examples", 80, "features", 5,
        "task", "regression", "outputs", 2, "test-examples", 0, "noise", 0.1));
  }

  @Override
  protected int expectedSize() {
    return 80;
  }

  @Override
  protected int expectedTestSize() {
    return 0;
  }

  @Override
  protected List<Integer> expectedInputShape() {
    return List.of(5);
  }

  @Override
  protected int expectedOutputs() {
    return 2;
  }

  @Override
  protected TargetKind expectedTargetKind() {
    return TargetKind.REGRESSION;
  }
}
