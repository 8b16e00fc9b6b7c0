package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimate;
import org.deltascape.api.SpectralDensity;

/**
 * The curvature analyses of H(w*) a config asked for beside its spaces.
 *
 * @param trace tr H with its standard error, or null
 * @param traceProducts Hessian-vector products the trace used
 * @param density the spectral density, or null
 * @param densityProducts Hessian-vector products the density used
 * @param prefix per asked k, the top eigenpairs of H_k (empty when not asked)
 */
public record CurvatureResult(
    Estimate trace,
    int traceProducts,
    SpectralDensity density,
    int densityProducts,
    List<PrefixSpectrum> prefix) implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** No analyses. */
  public static final CurvatureResult NONE = new CurvatureResult(null, 0, null, 0, List.of());

  /** {@link #NONE} stays itself across JVMs: the writers tell it by identity. */
  private Object readResolve() {
    return NONE.equals(this) ? NONE : this;
  }

  /**
   * The spectrum of H_k.
   *
   * @param step k, in steps of b
   * @param examples k·b
   * @param pairs the top eigenpairs
   * @param products Hessian-vector products this k used
   */
  public record PrefixSpectrum(int step, int examples, Eigenpairs pairs, int products)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }
}
