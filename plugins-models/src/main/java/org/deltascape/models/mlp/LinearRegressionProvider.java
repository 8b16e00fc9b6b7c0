package org.deltascape.models.mlp;

import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;

/**
 * The {@code linear-regression} model: {@code f(x) = W x + b} with half squared error, an {@link
 * MlpModel} without hidden layers whose loss is always squared error. Its loss is exactly quadratic
 * in w, so its Hessian is constant and equals its Gauss–Newton matrix, and a second-order Taylor
 * model of any loss is exact: the case on which the closed-form and Monte Carlo estimators must
 * agree. On classification data it regresses the one-hot targets (a least-squares classifier). No
 * keys.
 */
public final class LinearRegressionProvider implements ModelProvider {
  /** The plugin id. */
  public static final String ID = "linear-regression";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "linear model with half squared error: loss exactly quadratic in the weights";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public Model create(Settings settings, ModelContext context) {
    ModelContext regression =
        new ModelContext(
            context.inputShape(), context.outputs(), TargetKind.REGRESSION, context.dataType());
    return new MlpModel(
        new MlpProvider()
            .architecture(Settings.of(settings.owner(), Map.of(MlpProvider.HIDDEN, List.of())), regression));
  }
}
