package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;

/**
 * The {@code monte-carlo} estimator of PAPER.md ("Estimators of Δ_k", 1): {@code Δ_k = E_θ
 * (L_{k+1} − L_k)²} averaged over θ samples and over R data orders, with a standard error per k,
 * from the per-example losses of every sample in one pass per (sample, order). See {@link
 * MonteCarlo}. No config keys.
 */
public final class MonteCarloEstimator implements DeltaEstimator {

  @Override
  public String id() {
    return "monte-carlo";
  }

  @Override
  public String description() {
    return "Δ_k averaged over θ samples and data orders, from per-example losses by prefix sums";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public Estimator create(Settings settings) {
    return new MonteCarlo(id());
  }
}
