package org.deltascape.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.ConfigType;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code mlp} plugin: discovery, config keys and defaults, layout and initialisation. */
class MlpProviderTest {
  private static final ModelContext DIGITS =
      new ModelContext(List.of(4), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);

  @Test
  void isDiscoveredByItsId() {
    assertThat(ServiceLoader.load(ModelProvider.class).stream().map(p -> p.get().id()))
        .contains("mlp");
  }

  @Test
  void declaresItsKeysWithDefaults() {
    MlpProvider provider = new MlpProvider();
    assertThat(provider.id()).isEqualTo("mlp");
    assertThat(provider.description())
        .isEqualTo(
            "multilayer perceptron (dense layers with biases, relu or tanh) with exact"
                + " Hessian-vector products");
    List<ConfigKey> keys = provider.configKeys();
    assertThat(keys).extracting(ConfigKey::name).containsExactly("hidden", "activation");
    assertThat(keys.get(0).type()).isEqualTo(ConfigType.INTEGER_LIST);
    assertThat(keys.get(0).defaultValue()).isEqualTo(List.of(64));
    assertThat(keys.get(0).rangeText()).isEqualTo(">= 1");
    assertThat(keys.get(1).defaultValue()).isEqualTo("relu");
    assertThat(keys.get(1).choices()).containsExactly("relu", "tanh");
  }

  @Test
  void createsWithDefaultsFromEmptySettings() {
    MlpArchitecture shape = new MlpProvider().architecture(Settings.empty("model mlp"), DIGITS);
    assertThat(shape.hidden()).containsExactly(64);
    assertThat(shape.activation()).isEqualTo(Activation.RELU);
    assertThat(shape.parameterCount()).isEqualTo(4 * 64 + 64 + 64 * 3 + 3);
  }

  @Test
  void mapsEveryKey() {
    Settings settings =
        Settings.of("model mlp", Map.of("hidden", List.of(6, 5), "activation", "tanh"));
    ModelContext floats =
        new ModelContext(List.of(1, 2, 2), 2, TargetKind.REGRESSION, DataType.FLOAT);
    MlpArchitecture shape = new MlpProvider().architecture(settings, floats);
    assertThat(shape)
        .isEqualTo(
            new MlpArchitecture(
                4, List.of(6, 5), 2, Activation.TANH, TargetKind.REGRESSION, DataType.FLOAT));
    assertThat(new MlpProvider().create(settings, floats).dataType()).isEqualTo(DataType.FLOAT);
  }

  @Test
  void refusesANonPositiveWidthNamingTheKey() {
    Settings settings = Settings.of("model mlp", Map.of("hidden", List.of(4, 0)));
    assertThatThrownBy(() -> new MlpProvider().create(settings, DIGITS))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: model mlp: hidden = [4, 0]: every hidden width must be at least 1."
                + " Give positive widths, e.g. [64].");
  }

  @Test
  void refusesIntegerArithmetic() {
    ModelContext ints = new ModelContext(List.of(4), 3, TargetKind.CLASSIFICATION, DataType.INT32);
    assertThatThrownBy(() -> new MlpProvider().create(Settings.empty("model mlp"), ints))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "model mlp: the mlp model computes in DOUBLE or FLOAT, not INT."
                + " Choose double or float arithmetic.");
  }

  @Test
  void laysOutEachLayerAsWeightThenBias() {
    Settings settings = Settings.of("model mlp", Map.of("hidden", List.of(6)));
    Model model = new MlpProvider().create(settings, DIGITS);
    assertThat(model.layout().tensors())
        .containsExactly(
            new ParameterTensor("layer1.weight", List.of(6, 4), 0, Role.WEIGHT, 1),
            new ParameterTensor("layer1.bias", List.of(6), 24, Role.BIAS, -1),
            new ParameterTensor("layer2.weight", List.of(3, 6), 30, Role.WEIGHT, 1),
            new ParameterTensor("layer2.bias", List.of(3), 48, Role.BIAS, -1));
    assertThat(model.parameterCount()).isEqualTo(51);
  }

  @Test
  void initialisesLikePyTorchLinear() {
    Settings settings = Settings.of("model mlp", Map.of("hidden", List.of(50)));
    Model model = new MlpProvider().create(settings, DIGITS);
    INDArray w = model.initialWeights(new RandomKey(5, "init", 0));
    for (ParameterTensor tensor : model.layout().tensors()) {
      int fanIn = tensor.name().startsWith("layer1") ? 4 : 50;
      double bound = 1 / Math.sqrt(fanIn);
      double[] values = new double[(int) tensor.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = w.getDouble(tensor.offset() + i);
      }
      double largest = Arrays.stream(values).map(Math::abs).max().orElseThrow();
      assertThat(largest).as(tensor.name()).isLessThan(bound);
      if (values.length >= 50) {
        assertThat(largest).as("%s fills its range", tensor.name()).isGreaterThan(0.9 * bound);
      }
    }
  }
}
