package org.deltascape.api;

import java.util.Map;
import java.util.Objects;

/**
 * An estimate of the spectral density of a symmetric operator on a grid of eigenvalues, as
 * stochastic Lanczos quadrature gives it (Lin, Saad & Yang 2016; Ghorbani, Krishnan & Xiao 2019).
 *
 * @param grid eigenvalues t_j, increasing; never null
 * @param density the estimated density at each t_j (integrates to about 1); same length
 * @param nodes per probe vector, the quadrature nodes (Ritz values); may be empty
 * @param weights per probe vector, the quadrature weights of its nodes; same shape as nodes
 * @param notes facts about the estimate (probes, Lanczos steps, smoothing width); never null
 */
public record SpectralDensity(
    double[] grid, double[] density, double[][] nodes, double[][] weights, Map<String, Object> notes)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public SpectralDensity {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(density, "density");
    if (grid.length != density.length) {
      throw new IllegalArgumentException("grid and density differ in length");
    }
    notes = Map.copyOf(notes);
  }
}
