package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;

/**
 * The {@code monte-carlo-cv} estimator: Monte Carlo of Δ_k (PAPER.md, "Estimators of Δ_k", 1)
 * with the quadratic model of {@code quadratic} (2) as a control variate, whose expectation is
 * exact, reporting its variance reduction against plain Monte Carlo. Needs the θ of every sample
 * and the derivatives before sampling (see {@link ControlVariate}); refuses samplers without
 * moments. No config keys.
 */
public final class MonteCarloCvEstimator implements DeltaEstimator {

  @Override
  public String id() {
    return "monte-carlo-cv";
  }

  @Override
  public String description() {
    return "Monte Carlo of Δ_k with the exact quadratic model as control variate";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public Estimator create(Settings settings) {
    return new ControlVariate(id());
  }
}
