package org.deltascape.models.mlp;

import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.ModelContract;
import org.deltascape.models.TestData;
import org.nd4j.linalg.api.buffer.DataType;

/** The model contract for {@code softmax-regression}: 6 features, 4 classes, 9 examples. */
class SoftmaxRegressionModelTest extends ModelContract {

  @Override
  protected Model model() {
    return new SoftmaxRegressionProvider()
        .create(
            Settings.empty("model softmax-regression"),
            new ModelContext(List.of(6), 4, TargetKind.CLASSIFICATION, DataType.DOUBLE));
  }

  @Override
  protected Batch batch() {
    return TestData.classification(13, 9, 6, 4, DataType.DOUBLE);
  }
}
