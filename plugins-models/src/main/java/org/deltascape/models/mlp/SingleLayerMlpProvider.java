package org.deltascape.models.mlp;

import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Settings;

/**
 * The {@code single-layer-mlp} preset: the paper's "single-layer MLP", an {@link MlpModel} with one
 * hidden layer, the same as {@code mlp} with {@code hidden: [width]}. Keys: {@code width} (default
 * 256, the width of the paper's MLP layers) and {@code activation} ({@code relu} or {@code tanh};
 * default {@code relu}).
 */
public final class SingleLayerMlpProvider implements ModelProvider {
  /** The plugin id. */
  public static final String ID = "single-layer-mlp";

  /** Key: the hidden layer's width. */
  public static final String WIDTH = "width";

  private static final int DEFAULT_WIDTH = 256;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "MLP with one hidden layer (the paper's single-layer MLP; mlp with hidden: [width])";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.integer(WIDTH, DEFAULT_WIDTH, "width of the hidden layer").atLeast(1),
        ConfigKey.choice(
            MlpProvider.ACTIVATION, Activation.RELU.id(), "activation of the hidden layer",
            "relu", "tanh"));
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
    int width = settings.has(WIDTH) ? settings.integer(WIDTH) : DEFAULT_WIDTH;
    String activation =
        settings.has(MlpProvider.ACTIVATION)
            ? settings.string(MlpProvider.ACTIVATION)
            : Activation.RELU.id();
    Settings mlp =
        Settings.of(
            settings.owner(),
            Map.of(MlpProvider.HIDDEN, List.of(width), MlpProvider.ACTIVATION, activation));
    return new MlpModel(new MlpProvider().architecture(mlp, context));
  }
}
