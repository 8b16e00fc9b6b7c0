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
 * The model contract for a tanh CNN on regression with two input channels, valid padding and an even
 * kernel: 2×9×9 images, 2×2 kernels, blocks of 3 and 2 filters (9 → 8 → 4 → 3 → 1, so the second
 * pooling drops a remainder row and column), no hidden dense layer, 2 targets, 6 examples. The step
 * is {@link CnnModelTest#POOLING_STEP}, for the same reason.
 */
class CnnValidPaddingModelTest extends ModelContract {

  @Override
  protected Model model() {
    return new CnnProvider()
        .create(
            Settings.of(
                "model cnn",
                Map.of(
                    "channels", List.of(3, 2), "kernel", 2, "padding", "valid",
                    "activation", "tanh")),
            new ModelContext(List.of(2, 9, 9), 2, TargetKind.REGRESSION, DataType.DOUBLE));
  }

  @Override
  protected Batch batch() {
    return TestData.regression(19, 6, 2 * 9 * 9, 2, DataType.DOUBLE);
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.REGRESSION;
  }

  @Override
  protected double finiteDifferenceStep() {
    return CnnModelTest.POOLING_STEP;
  }
}
