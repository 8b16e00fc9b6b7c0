package org.deltascape.models.mlp;

import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;

/**
 * The {@code softmax-regression} model: logits {@code W x + b} with softmax cross-entropy, an {@link
 * MlpModel} without hidden layers. Its loss is convex and its Hessian equals its Gauss–Newton
 * matrix (the logits are linear in w). Classification data only. No keys.
 */
public final class SoftmaxRegressionProvider implements ModelProvider {
  /** The plugin id. */
  public static final String ID = "softmax-regression";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "multinomial logistic regression (linear logits, softmax cross-entropy)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
    if (context.targetKind() != TargetKind.CLASSIFICATION) {
      throw new DeltascapeException(
          "softmax-regression needs classification data but the dataset's targets are "
              + context.targetKind().name().toLowerCase(java.util.Locale.ROOT),
          settings.owner(),
          "Use linear-regression for real-valued targets");
    }
    return new MlpModel(
        new MlpProvider()
            .architecture(Settings.of(settings.owner(), Map.of(MlpProvider.HIDDEN, List.of())), context));
  }
}
