package org.deltascape.models.mlp;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Settings;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code mlp} model: a multilayer perceptron with any hidden widths, relu or tanh, biases, and
 * softmax cross-entropy (classification) or half squared error (regression); with no hidden layer
 * it is softmax regression or linear regression. See {@link MlpModel}.
 *
 * <p>Keys: {@code hidden} (list of widths, each at least 1; default {@code [64]}; {@code []} for no
 * hidden layer) and {@code activation} ({@code relu} or {@code tanh}; default {@code relu}).
 * Initialisation is fixed to PyTorch's {@code nn.Linear} default, {@code U(−1/√fan-in, 1/√fan-in)}
 * for weights and biases.
 */
public final class MlpProvider implements ModelProvider {
  /** The plugin id. */
  public static final String ID = "mlp";

  /** Key: the hidden widths. */
  public static final String HIDDEN = "hidden";

  /** Key: the activation of the hidden layers. */
  public static final String ACTIVATION = "activation";

  private static final List<Integer> DEFAULT_HIDDEN = List.of(64);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "multilayer perceptron (dense layers with biases, relu or tanh) with exact"
        + " Hessian-vector products";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.integers(
                HIDDEN,
                DEFAULT_HIDDEN,
                "widths of the hidden layers; [] for none (softmax regression)")
            .atLeast(1),
        ConfigKey.choice(
            ACTIVATION, Activation.RELU.id(), "activation of the hidden layers", "relu", "tanh"));
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
    return new MlpModel(architecture(settings, context));
  }

  /** The architecture the settings describe for data of the context's shape. */
  public MlpArchitecture architecture(Settings settings, ModelContext context) {
    List<Integer> hidden = settings.has(HIDDEN) ? settings.integers(HIDDEN) : DEFAULT_HIDDEN;
    for (Integer width : hidden) {
      if (width == null || width < 1) {
        throw settings.invalid(
            HIDDEN, "every hidden width must be at least 1", "Give positive widths, e.g. [64]");
      }
    }
    String activation =
        settings.has(ACTIVATION) ? settings.string(ACTIVATION) : Activation.RELU.id();
    if (!List.of("relu", "tanh").contains(activation)) {
      throw settings.invalid(ACTIVATION, "unknown activation", "Use relu or tanh");
    }
    DataType type = context.dataType();
    if (type != DataType.DOUBLE && type != DataType.FLOAT) {
      throw new DeltascapeException(
          "the mlp model computes in DOUBLE or FLOAT, not " + type,
          settings.owner(),
          "Choose double or float arithmetic");
    }
    if (context.featureCount() < 1 || context.outputs() < 1) {
      throw new DeltascapeException(
          "the data has "
              + context.featureCount()
              + " features and "
              + context.outputs()
              + " outputs; an MLP needs at least one of each",
          settings.owner(),
          "Check the dataset");
    }
    return new MlpArchitecture(
        context.featureCount(),
        hidden,
        context.outputs(),
        Activation.of(activation),
        context.targetKind(),
        type);
  }
}
