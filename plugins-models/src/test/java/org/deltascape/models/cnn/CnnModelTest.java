package org.deltascape.models.cnn;

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
 * The model contract for a tanh CNN, float64: 1×8×8 images, blocks of 2 and 3 filters with 3×3
 * kernels (same padding) and 2×2 max-pooling, a dense head with 4 hidden units, 3 classes, 7
 * examples. Tanh keeps the activations smooth; max-pooling still has kinks where a window's argmax
 * switches, so the finite differences take a step of {@value #POOLING_STEP}, which keeps every
 * argmax fixed on this seeded problem (with the contract's 1e-3, one direction crosses a switch).
 */
class CnnModelTest extends ModelContract {
  static final double POOLING_STEP = 1e-5;

  static final ModelContext CONTEXT =
      new ModelContext(List.of(1, 8, 8), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);

  static Settings settings(String activation) {
    return Settings.of(
        "model cnn",
        Map.of(
            "channels", List.of(2, 3), "kernel", 3, "hidden", List.of(4), "activation", activation));
  }

  @Override
  protected Model model() {
    return new CnnProvider().create(settings("tanh"), CONTEXT);
  }

  @Override
  protected Batch batch() {
    return TestData.classification(17, 7, 64, 3, DataType.DOUBLE);
  }

  @Override
  protected double finiteDifferenceStep() {
    return POOLING_STEP;
  }
}
