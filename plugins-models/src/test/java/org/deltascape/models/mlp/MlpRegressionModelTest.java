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

/** The model contract for a tanh MLP with one hidden layer on regression (half squared error). */
class MlpRegressionModelTest extends ModelContract {

  @Override
  protected Model model() {
    return new MlpProvider()
        .create(
            Settings.of("model mlp", Map.of("hidden", List.of(6), "activation", "tanh")),
            new ModelContext(List.of(4), 2, TargetKind.REGRESSION, DataType.DOUBLE));
  }

  @Override
  protected Batch batch() {
    return TestData.regression(12, 10, 4, 2, DataType.DOUBLE);
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.REGRESSION;
  }

  @Override
  protected int subspaceDimension() {
    return 4;
  }
}
