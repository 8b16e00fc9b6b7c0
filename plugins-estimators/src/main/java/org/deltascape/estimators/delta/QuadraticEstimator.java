package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code quadratic} estimator (PAPER.md, "Estimators of Δ_k", 2; Kiselev and Grabovoy 2024,
 * 2026): the exact second moment of the increment's second-order Taylor model at w*, written with
 * the sampler's moments, from the per-example value, D-gradient and D×D Hessian by prefix sums. See
 * {@link Quadratic}; refuses samplers without moments.
 *
 * <p>Config keys: {@code exact-up-to} (integer, default 64: above this D the curvature terms are
 * estimated with Hutchinson probes), {@code probes} (integer, default 64, at least 2).
 */
public final class QuadraticEstimator implements DeltaEstimator {

  static final ConfigKey EXACT_UP_TO =
      ConfigKey.integer("exact-up-to", 64, "largest D with exact traces; above, Hutchinson probes")
          .atLeast(1);
  static final ConfigKey PROBES =
      ConfigKey.integer("probes", 64, "Hutchinson probes for the traces when D > exact-up-to")
          .atLeast(2);

  @Override
  public String id() {
    return "quadratic";
  }

  @Override
  public String description() {
    return "Δ_k of the second-order Taylor model at w*, in closed form from prefix sums of"
        + " per-example derivatives";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(EXACT_UP_TO, PROBES);
  }

  @Override
  public Estimator create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    return new Quadratic(id(), keys.integer(EXACT_UP_TO.name()), keys.integer(PROBES.name()));
  }
}
