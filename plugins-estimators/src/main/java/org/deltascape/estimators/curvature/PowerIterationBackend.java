package org.deltascape.estimators.curvature;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code power-iteration} curvature backend: deflated power iteration (R. von Mises and H.
 * Pollaczek-Geiringer, "Praktische Verfahren der Gleichungsauflösung", ZAMM 9, 1929; deflation by
 * projection, as in PyHessian, Yao et al. 2020), as the authors of PAPER.md found their Hessian
 * directions, corrected in two ways: it stops on the residual ‖Hv − λv‖/|λ_1| rather than on the
 * change of λ, and it iterates on the shifted operator H + sI so that it returns the algebraically
 * largest eigenvalues even where H has negative ones. See {@link PowerIterationSolver}.
 *
 * <p>Config keys: {@code tolerance} (real, default 1e-9, &gt; 0): the relative residual every pair
 * must reach; {@code max-products} (integer, default 10000, ≥ 2): the budget of Hessian-vector
 * products, the spectral-interval estimate included; {@code allow-unconverged} (boolean, default
 * false): go on with the pairs reached when the budget runs out instead of failing.
 */
public final class PowerIterationBackend implements CurvatureBackend {

  static final ConfigKey MAX_PRODUCTS =
      ConfigKey.integer("max-products", 10000, "budget of Hessian-vector products").atLeast(2);

  @Override
  public String id() {
    return "power-iteration";
  }

  @Override
  public String description() {
    return "shifted, deflated power iteration stopped on the residual (the authors' method,"
        + " corrected)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(LanczosBackend.TOLERANCE, MAX_PRODUCTS, LanczosBackend.ALLOW_UNCONVERGED);
  }

  @Override
  public EigenSolver create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    return new PowerIterationSolver(
        keys.real(LanczosBackend.TOLERANCE.name()),
        keys.integer(MAX_PRODUCTS.name()),
        keys.bool(LanczosBackend.ALLOW_UNCONVERGED.name()));
  }
}
