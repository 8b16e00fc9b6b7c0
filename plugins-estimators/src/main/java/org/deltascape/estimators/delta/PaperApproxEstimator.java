package org.deltascape.estimators.delta;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code paper-approx} estimator: Theorem 1 of Nikitin and Kiselev (2025), in its cheap form
 * with a fixed P ({@code fixed-p}, all k) or with the top-D eigenvalues of every H_k recomputed as
 * the authors' code did ({@code recomputed}, a log-spaced set of k). See {@link
 * PaperApproximation}.
 *
 * <p>Config keys: {@code form} ({@code fixed-p}, the default, or {@code recomputed}), {@code
 * backend} (curvature backend for {@code recomputed}, default {@code lanczos}), {@code points}
 * (integer, default 12: how many k {@code recomputed} computes).
 */
public final class PaperApproxEstimator implements DeltaEstimator {

  static final ConfigKey FORM =
      ConfigKey.choice(
          "form",
          "fixed-p",
          "fixed-p: diagonal of PᵀH_kP for all k; recomputed: top-D eigenvalues of each H_k",
          "fixed-p",
          "recomputed");
  static final ConfigKey BACKEND =
      ConfigKey.plugin(
          "backend", CurvatureBackend.class, "lanczos", "eigen-solver of H_k for form recomputed");
  static final ConfigKey POINTS =
      ConfigKey.integer("points", 12, "log-spaced k at which form recomputed solves H_k")
          .atLeast(2);

  @Override
  public String id() {
    return "paper-approx";
  }

  @Override
  public String description() {
    return "Nikitin & Kiselev's Theorem 1: Δ_k from the increments of the Hessian's eigenvalues";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(FORM, BACKEND, POINTS);
  }

  @Override
  public Estimator create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    String form = settings.has(FORM.name()) ? settings.string(FORM.name()) : "fixed-p";
    if (!FORM.choices().contains(form)) {
      throw settings.invalid(FORM.name(), "expected fixed-p or recomputed", "Use one of them");
    }
    return new PaperApproximation(
        id(),
        form.equals("recomputed"),
        keys.plugin(BACKEND.name()),
        keys.integer(POINTS.name()));
  }
}
