package org.deltascape.models.mlp;

import java.util.List;
import java.util.Map;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.ModelContract;
import org.deltascape.models.TestData;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The model contract for the tanh MLP with two hidden layers, float64 (issue 2's tests 1 and 6): 5
 * features, widths 7 and 6, 3 classes, 12 examples.
 */
class MlpModelTest extends ModelContract {
  static final ModelContext CONTEXT =
      new ModelContext(List.of(5), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);

  @Override
  protected Model model() {
    return new MlpProvider()
        .create(
            Settings.of("model mlp", Map.of("hidden", List.of(7, 6), "activation", "tanh")),
            CONTEXT);
  }

  @Override
  protected Batch batch() {
    return TestData.classification(11, 12, 5, 3, DataType.DOUBLE);
  }
}
