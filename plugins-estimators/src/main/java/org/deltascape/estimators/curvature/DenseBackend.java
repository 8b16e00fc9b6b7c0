package org.deltascape.estimators.curvature;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code dense} curvature backend, for tiny models: the whole matrix from n products with the
 * unit vectors, symmetrised, then the full symmetric eigendecomposition by Householder
 * tridiagonalisation and implicit QL (EISPACK {@code tred2}/{@code tql2}, see {@link
 * SymmetricEigen}). Exact to rounding and the reference every other backend is checked against;
 * costs n products, 8n² bytes twice and O(n³) time.
 *
 * <p>Config key: {@code max-dimension} (integer, default 4096, ≥ 1): the largest n it accepts.
 */
public final class DenseBackend implements CurvatureBackend {

  static final ConfigKey MAX_DIMENSION =
      ConfigKey.integer("max-dimension", 4096, "largest parameter count it accepts").atLeast(1);

  @Override
  public String id() {
    return "dense";
  }

  @Override
  public String description() {
    return "full Hessian from one product per parameter, then a dense eigendecomposition (tiny"
        + " models)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(MAX_DIMENSION);
  }

  @Override
  public EigenSolver create(Settings settings) {
    return new DenseSolver(new DeclaredKeys(settings, configKeys()).integer(MAX_DIMENSION.name()));
  }
}
