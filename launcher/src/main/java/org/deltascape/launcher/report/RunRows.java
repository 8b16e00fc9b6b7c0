package org.deltascape.launcher.report;

/**
 * The rows of a run folder's CSV files, one record type per file, as {@link RunFolder} reads them.
 * Numbers are as written; NaN where the run wrote NaN.
 */
public final class RunRows {

  private RunRows() {}

  /**
   * One row of {@code delta.csv}: Δ_k of one estimator in one space.
   *
   * @param space the space's name
   * @param estimator the estimator's id
   * @param k the step (blocks of b examples)
   * @param examples k·b
   * @param delta Δ_k
   * @param stdError its standard error (NaN when the estimator has none)
   * @param ciLow the lower end of its 95% interval
   * @param ciHigh the upper end
   * @param lossK L_k(w*)
   */
  public record Delta(String space, String estimator, int k, long examples, double delta,
      double stdError, double ciLow, double ciHigh, double lossK) {}

  /**
   * One row of {@code spectrum.csv}: an eigenpair of the Hessian found for a space.
   *
   * @param space the space's name
   * @param index 1 for the algebraically largest eigenvalue
   * @param eigenvalue λ_index
   * @param residual ‖Hv − λv‖ of its eigenvector
   * @param hvpCount Hessian-vector products the space used
   */
  public record Spectrum(String space, int index, double eigenvalue, double residual, long hvpCount) {}

  /**
   * One row of {@code density.csv}: the spectral density (SLQ) of a space's operator at a point.
   *
   * @param space the space's name
   * @param grid the eigenvalue axis
   * @param density the density there
   */
  public record Density(String space, double grid, double density) {}

  /**
   * One row of {@code surface-<space>.csv}: L_k(w* + αe_1 + βe_2).
   *
   * @param k the number of examples averaged
   * @param alpha the coordinate along e_1
   * @param beta the coordinate along e_2
   * @param loss the mean loss
   */
  public record Surface(int k, double alpha, double beta, double loss) {}

  /**
   * One row of {@code profile-<space>.csv}: L_k(w* + t·e_d).
   *
   * @param k the number of examples averaged
   * @param direction d, from 1
   * @param t the coordinate along e_d
   * @param loss the mean loss
   */
  public record Profile(int k, int direction, double t, double loss) {}
}
