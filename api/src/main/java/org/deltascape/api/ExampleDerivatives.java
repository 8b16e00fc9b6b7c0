package org.deltascape.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per example i of the dataset (in dataset order) at w*: {@code l_i(w*)}, {@code Pᵀ∇l_i(w*)} and
 * {@code Pᵀ∇²l_i(w*)P}, from {@link SubspaceModel#derivatives}.
 *
 * @param values N, DOUBLE
 * @param gradients N × D, DOUBLE
 * @param hessians N × D × D, DOUBLE
 */
public record ExampleDerivatives(INDArray values, INDArray gradients, INDArray hessians) {
  public ExampleDerivatives {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(gradients, "gradients");
    Objects.requireNonNull(hessians, "hessians");
  }
}
