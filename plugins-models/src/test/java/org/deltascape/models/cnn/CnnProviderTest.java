package org.deltascape.models.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The {@code cnn} plugin and the model presets: discovery, keys, defaults, layout, refusals. */
class CnnProviderTest {
  private static final ModelContext FASHION =
      new ModelContext(List.of(1, 28, 28), 10, TargetKind.CLASSIFICATION, DataType.FLOAT);

  @Test
  void everyModelIsDiscoveredByItsId() {
    assertThat(ServiceLoader.load(ModelProvider.class).stream().map(p -> p.get().id()))
        .containsExactlyInAnyOrder(
            "mlp", "single-layer-mlp", "softmax-regression", "linear-regression", "cnn");
  }

  @Test
  void declaresItsKeysWithDefaults() {
    List<ConfigKey> keys = new CnnProvider().configKeys();
    assertThat(keys)
        .extracting(ConfigKey::name)
        .containsExactly("channels", "kernel", "padding", "pool", "hidden", "activation");
    assertThat(keys)
        .extracting(ConfigKey::defaultValue)
        .containsExactly(List.of(16, 32), 5, "same", 2, List.of(), "relu");
  }

  @Test
  void defaultNetworkOnFashionMnistHasTheDocumentedLayout() {
    Model model = new CnnProvider().create(Settings.empty("model cnn"), FASHION);
    assertThat(model.dataType()).isEqualTo(DataType.FLOAT);
    assertThat(model.layout().tensors())
        .containsExactly(
            new ParameterTensor("conv1.weight", List.of(16, 1, 5, 5), 0, Role.WEIGHT, 1),
            new ParameterTensor("conv1.bias", List.of(16), 400, Role.BIAS, -1),
            new ParameterTensor("conv2.weight", List.of(32, 16, 5, 5), 416, Role.WEIGHT, 1),
            new ParameterTensor("conv2.bias", List.of(32), 13_216, Role.BIAS, -1),
            new ParameterTensor("dense1.weight", List.of(10, 1568), 13_248, Role.WEIGHT, 1),
            new ParameterTensor("dense1.bias", List.of(10), 28_928, Role.BIAS, -1));
    assertThat(model.parameterCount()).isEqualTo(28_938);
  }

  @Test
  void refusesFlatInputsNamingTheDatasetKey() {
    ModelContext flat = new ModelContext(List.of(784), 10, TargetKind.CLASSIFICATION, DataType.FLOAT);
    assertThatThrownBy(() -> new CnnProvider().create(Settings.empty("model cnn"), flat))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "model cnn: the cnn model needs images [channels, height, width] but the data's"
                + " examples have shape [784]. Set flatten: false on the dataset so that it keeps"
                + " the image shape.");
  }

  @Test
  void refusesImagesTooSmallForTheBlocks() {
    ModelContext tiny = new ModelContext(List.of(1, 3, 3), 2, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    assertThatThrownBy(() -> new CnnProvider().create(Settings.empty("model cnn"), tiny))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "model cnn: the cnn model does not fit images [1, 3, 3]: block 2 gets a 1×1 image, too"
                + " small for kernel 5 and pool 2. Use fewer blocks, a smaller kernel or pool, or"
                + " padding: same.");
  }

  @Test
  void refusesAnEvenKernelWithSamePadding() {
    Settings even = Settings.of("model cnn", Map.of("kernel", 4));
    assertThatThrownBy(() -> new CnnProvider().create(even, FASHION))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: model cnn: kernel = 4: padding: same needs an odd kernel. Use an odd kernel, or"
                + " padding: valid.");
  }
}
