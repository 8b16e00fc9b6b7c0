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

/** The model contract for {@code linear-regression}: 5 features, 2 targets, 11 examples. */
class LinearRegressionModelTest extends ModelContract {
  static final ModelContext CONTEXT =
      new ModelContext(List.of(5), 2, TargetKind.REGRESSION, DataType.DOUBLE);

  @Override
  protected Model model() {
    return new LinearRegressionProvider().create(Settings.empty("model linear-regression"), CONTEXT);
  }

  @Override
  protected Batch batch() {
    return TestData.regression(23, 11, 5, 2, DataType.DOUBLE);
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.REGRESSION;
  }
}
