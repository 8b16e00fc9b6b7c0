package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;

/**
 * The {@code permutation-mean} estimator of PAPER.md ("Estimators of Δ_k", 0): the closed form of
 * Δ_k averaged over all data orders, {@code N/(N−1) · E_θ[Var_i l_i(w*+Pθ)] / (b·k·(k+1))}, from
 * the per-example losses Monte Carlo computes anyway. See {@link PermutationMean}. No config keys.
 */
public final class PermutationMeanEstimator implements DeltaEstimator {

  @Override
  public String id() {
    return "permutation-mean";
  }

  @Override
  public String description() {
    return "Δ_k averaged over all data orders in closed form, N/(N−1)·E Var_i l_i / (b·k(k+1))";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of();
  }

  @Override
  public Estimator create(Settings settings) {
    return new PermutationMean(id());
  }
}
