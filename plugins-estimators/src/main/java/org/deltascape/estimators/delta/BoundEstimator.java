package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code bound} estimator: the O(1/k²) upper bound of Kiselev and Grabovoy (2024, 2026) with
 * its loss, gradient and Hessian constants estimated over the sampled region. See {@link Bound}.
 *
 * <p>Config keys: {@code safety} (real, default 1.5, at least 1: factor on the estimated M_g and
 * M_H), {@code region-points} (integer, default 4: θ samples at which the norms are measured
 * besides w*).
 */
public final class BoundEstimator implements DeltaEstimator {

  static final ConfigKey SAFETY =
      ConfigKey.real("safety", 1.5, "factor on the estimated gradient and Hessian norm maxima")
          .atLeast(1);
  static final ConfigKey REGION_POINTS =
      ConfigKey.integer("region-points", 4, "θ samples at which the norms are measured besides w*")
          .atLeast(0);

  @Override
  public String id() {
    return "bound";
  }

  @Override
  public String description() {
    return "the O(1/k²) upper bound on Δ_k with loss, gradient and Hessian norms estimated over"
        + " the sampled region";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(SAFETY, REGION_POINTS);
  }

  @Override
  public Estimator create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    return new Bound(id(), keys.real(SAFETY.name()), keys.integer(REGION_POINTS.name()));
  }
}
