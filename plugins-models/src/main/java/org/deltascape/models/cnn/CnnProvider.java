package org.deltascape.models.cnn;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Settings;
import org.deltascape.models.mlp.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code cnn} model: blocks of convolution (stride 1), σ and max-pooling over images {@code [C,
 * H, W]}, then dense layers; see {@link CnnModel}.
 *
 * <p>Keys: {@code channels} (filters per block, one entry per block; default {@code [16, 32]}),
 * {@code kernel} (side of the square kernels; default 5), {@code padding} ({@code same}, which keeps
 * the image size and needs an odd kernel, or {@code valid}, none; default {@code same}), {@code
 * pool} (side and stride of the max-pooling windows; default 2), {@code hidden} (hidden widths of
 * the dense head; default {@code []}: one dense layer from the flattened features to the outputs,
 * which keeps the default network on Fashion-MNIST at 28,938 parameters) and {@code activation}
 * ({@code relu} or {@code tanh}; default {@code relu}).
 */
public final class CnnProvider implements ModelProvider {
  /** The plugin id. */
  public static final String ID = "cnn";

  private static final List<Integer> DEFAULT_CHANNELS = List.of(16, 32);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "convolutional network (conv, activation, max-pool blocks, then dense layers) with"
        + " exact Hessian-vector products";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.integers("channels", DEFAULT_CHANNELS, "filters of each convolution block")
            .atLeast(1),
        ConfigKey.integer("kernel", 5, "side of the square convolution kernels").atLeast(1),
        ConfigKey.choice(
            "padding", "same", "zero padding: same (keeps the size; odd kernel) or valid (none)",
            "same", "valid"),
        ConfigKey.integer("pool", 2, "side and stride of the max-pooling windows").atLeast(1),
        ConfigKey.integers("hidden", List.of(), "hidden widths of the dense head; [] for none")
            .atLeast(1),
        ConfigKey.choice(
            "activation", Activation.RELU.id(), "activation after each convolution and hidden layer",
            "relu", "tanh"));
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
    return new CnnModel(architecture(settings, context));
  }

  /** The architecture the settings describe for images of the context's shape. */
  public CnnArchitecture architecture(Settings settings, ModelContext context) {
    List<Integer> image = context.inputShape();
    if (image.size() != 3) {
      throw new DeltascapeException(
          "the cnn model needs images [channels, height, width] but the data's examples have shape "
              + image,
          settings.owner(),
          "Set flatten: false on the dataset so that it keeps the image shape");
    }
    DataType type = context.dataType();
    if (type != DataType.DOUBLE && type != DataType.FLOAT) {
      throw new DeltascapeException(
          "the cnn model computes in DOUBLE or FLOAT, not " + type,
          settings.owner(),
          "Choose double or float arithmetic");
    }
    List<Integer> channels = settings.has("channels") ? settings.integers("channels") : DEFAULT_CHANNELS;
    if (channels.isEmpty() || channels.stream().anyMatch(c -> c == null || c < 1)) {
      throw settings.invalid(
          "channels", "a CNN needs at least one block, each with at least 1 filter",
          "Give positive filter counts, e.g. [16, 32]");
    }
    List<Integer> hidden = settings.has("hidden") ? settings.integers("hidden") : List.of();
    if (hidden.stream().anyMatch(h -> h == null || h < 1)) {
      throw settings.invalid(
          "hidden", "every hidden width must be at least 1", "Give positive widths, e.g. [128]");
    }
    int kernel = settings.has("kernel") ? settings.integer("kernel") : 5;
    int pool = settings.has("pool") ? settings.integer("pool") : 2;
    boolean same = !settings.has("padding") || settings.string("padding").equals("same");
    if (same && kernel % 2 == 0) {
      throw settings.invalid(
          "kernel", "padding: same needs an odd kernel", "Use an odd kernel, or padding: valid");
    }
    String activation =
        settings.has("activation") ? settings.string("activation") : Activation.RELU.id();
    try {
      CnnArchitecture shape =
          new CnnArchitecture(
              image.get(0), image.get(1), image.get(2), channels, kernel, same ? kernel / 2 : 0,
              pool, hidden, context.outputs(), Activation.of(activation), context.targetKind(),
              type);
      shape.blocks();
      return shape;
    } catch (IllegalArgumentException e) {
      throw new DeltascapeException(
          "the cnn model does not fit images " + image + ": " + e.getMessage(),
          settings.owner(),
          "Use fewer blocks, a smaller kernel or pool, or padding: same",
          e);
    }
  }
}
