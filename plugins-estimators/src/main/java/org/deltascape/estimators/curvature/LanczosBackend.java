package org.deltascape.estimators.curvature;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code lanczos} curvature backend: the top eigenpairs of the Hessian by the Lanczos method
 * (C. Lanczos, "An iteration method for the solution of the eigenvalue problem of linear
 * differential and integral operators", J. Res. Nat. Bur. Standards 45, 1950) with full
 * reorthogonalisation (B. N. Parlett, "The Symmetric Eigenvalue Problem", 1980, ch. 13), as
 * PAPER.md recommends over the authors' deflated power iteration. See {@link LanczosSolver} for
 * the algorithm.
 *
 * <p>Config keys: {@code tolerance} (real, default 1e-9, &gt; 0): the relative residual
 * ‖Av − λv‖/|λ_1| every pair must reach; {@code max-products} (integer, default 300, ≥ 2):
 * the budget of Hessian-vector products, the final residual measurement included; {@code
 * allow-unconverged} (boolean, default false): go on with the pairs reached when the budget runs
 * out instead of failing.
 */
public final class LanczosBackend implements CurvatureBackend {

  static final ConfigKey TOLERANCE =
      ConfigKey.real("tolerance", 1e-9, "relative residual ‖Hv − λv‖/|λ1| every pair must reach")
          .greaterThan(0);
  static final ConfigKey MAX_PRODUCTS =
      ConfigKey.integer("max-products", 300, "budget of Hessian-vector products")
          .atLeast(2);
  static final ConfigKey ALLOW_UNCONVERGED =
      ConfigKey.bool(
          "allow-unconverged", false, "go on with unconverged pairs instead of failing");

  @Override
  public String id() {
    return "lanczos";
  }

  @Override
  public String description() {
    return "Lanczos with full reorthogonalisation: top eigenpairs from few Hessian-vector products";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(TOLERANCE, MAX_PRODUCTS, ALLOW_UNCONVERGED);
  }

  @Override
  public EigenSolver create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    return new LanczosSolver(
        keys.real(TOLERANCE.name()),
        keys.integer(MAX_PRODUCTS.name()),
        keys.bool(ALLOW_UNCONVERGED.name()));
  }
}
