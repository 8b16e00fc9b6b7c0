package org.deltascape.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The directions P of a low-dimensional space {@code w = w* + Pθ}.
 *
 * @param basis {@code P × D} DOUBLE, one direction per column; never null
 * @param orthonormal whether {@code PᵀP = I} (to rounding); filter-normalised directions are not
 * @param spectrum the eigenpairs the directions came from (Hessian spaces), or null
 */
public record Directions(INDArray basis, boolean orthonormal, Eigenpairs spectrum)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public Directions {
    Objects.requireNonNull(basis, "basis");
  }

  /** D. */
  public int dimension() {
    return (int) basis.columns();
  }
}
