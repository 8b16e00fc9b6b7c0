package org.deltascape.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The presets over {@link MlpModel}: what architecture each builds, and what each refuses. */
class PresetProvidersTest {
  private static final ModelContext CLASSES =
      new ModelContext(List.of(4), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);

  @Test
  void singleLayerMlpIsTheMlpWithOneHiddenLayer() {
    MlpModel model =
        (MlpModel)
            new SingleLayerMlpProvider()
                .create(Settings.of("model single-layer-mlp", Map.of("width", 7)), CLASSES);
    assertThat(model.architecture())
        .isEqualTo(
            new MlpArchitecture(
                4, List.of(7), 3, Activation.RELU, TargetKind.CLASSIFICATION, DataType.DOUBLE));
    MlpModel defaults =
        (MlpModel)
            new SingleLayerMlpProvider().create(Settings.empty("model single-layer-mlp"), CLASSES);
    assertThat(defaults.architecture().hidden()).containsExactly(256);
  }

  @Test
  void linearRegressionUsesSquaredErrorEvenOnClasses() {
    MlpModel model =
        (MlpModel)
            new LinearRegressionProvider().create(Settings.empty("model linear-regression"), CLASSES);
    assertThat(model.architecture())
        .isEqualTo(
            new MlpArchitecture(
                4, List.of(), 3, Activation.RELU, TargetKind.REGRESSION, DataType.DOUBLE));
  }

  @Test
  void softmaxRegressionRefusesRealTargets() {
    ModelContext real = new ModelContext(List.of(4), 2, TargetKind.REGRESSION, DataType.DOUBLE);
    assertThatThrownBy(
            () ->
                new SoftmaxRegressionProvider()
                    .create(Settings.empty("model softmax-regression"), real))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "model softmax-regression: softmax-regression needs classification data but the"
                + " dataset's targets are regression. Use linear-regression for real-valued"
                + " targets.");
  }
}
