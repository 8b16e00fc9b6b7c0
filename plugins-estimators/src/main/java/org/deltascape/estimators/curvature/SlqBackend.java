package org.deltascape.estimators.curvature;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code slq} curvature backend: the spectral density of the Hessian by stochastic Lanczos
 * quadrature (L. Lin, Y. Saad and C. Yang, "Approximating spectral densities of large matrices",
 * SIAM Review 58, 2016; B. Ghorbani, S. Krishnan and Y. Xiao, "An investigation into neural net
 * optimization via Hessian eigenvalue density", ICML 2019), as PyHessian offers it (Yao et al.
 * 2020), with the trace as a by-product. See {@link QuadratureSolver}.
 *
 * <p>Config keys: {@code probes} (integer, default 8, ≥ 1): Rademacher start vectors; {@code
 * steps} (integer, default 60, ≥ 2): Lanczos steps per probe (at most n are taken); {@code sigma}
 * (real, default 0.01, &gt; 0): the Gaussian smoothing width relative to the spectrum's range;
 * {@code grid} (integer, default 512, ≥ 16): points of the density's grid. Cost: probes × steps
 * Hessian-vector products and n × steps doubles of basis per probe.
 */
public final class SlqBackend implements CurvatureBackend {

  static final ConfigKey PROBES =
      ConfigKey.integer("probes", 8, "Rademacher start vectors (one Lanczos run each)").atLeast(1);
  static final ConfigKey STEPS =
      ConfigKey.integer("steps", 60, "Lanczos steps per probe (quadrature nodes)").atLeast(2);
  static final ConfigKey SIGMA =
      ConfigKey.real("sigma", 0.01, "Gaussian smoothing width, relative to the spectrum's range")
          .greaterThan(0);
  static final ConfigKey GRID =
      ConfigKey.integer("grid", 512, "points of the density's grid").atLeast(16);

  @Override
  public String id() {
    return "slq";
  }

  @Override
  public String description() {
    return "spectral density of the Hessian by stochastic Lanczos quadrature (and its trace)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(PROBES, STEPS, SIGMA, GRID);
  }

  @Override
  public EigenSolver create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    return new QuadratureSolver(
        keys.integer(PROBES.name()),
        keys.integer(STEPS.name()),
        keys.real(SIGMA.name()),
        keys.integer(GRID.name()));
  }
}
