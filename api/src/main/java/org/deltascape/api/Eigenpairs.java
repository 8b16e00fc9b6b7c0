package org.deltascape.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The top eigenpairs of a symmetric operator, ordered by eigenvalue, algebraically largest first.
 *
 * @param values λ_1 ≥ λ_2 ≥ … ≥ λ_D; never null
 * @param vectors {@code n × D} DOUBLE, orthonormal columns, column d the eigenvector of λ_d
 * @param residuals per pair the relative residual {@code ‖Av − λv‖ / |λ_1|}, measured with a
 *     final product (not estimated); never null
 * @param converged whether every residual met the backend's tolerance
 */
public record Eigenpairs(double[] values, INDArray vectors, double[] residuals, boolean converged)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public Eigenpairs {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(residuals, "residuals");
    if (values.length != residuals.length || vectors.columns() != values.length) {
      throw new IllegalArgumentException("values, vectors and residuals differ in count");
    }
    values = values.clone();
    residuals = residuals.clone();
  }

  /** D, the number of pairs. */
  public int count() {
    return values.length;
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] residuals() {
    return residuals.clone();
  }
}
