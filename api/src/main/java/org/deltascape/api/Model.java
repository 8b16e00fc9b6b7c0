package org.deltascape.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model over a flat parameter vector w ∈ R^P: per-example losses l_i(w), the gradient and the
 * exact Hessian-vector product of the mean loss over a batch, and a restriction to a
 * low-dimensional space {@code w = w0 + Pθ}.
 *
 * <p>All parameter-sized vectors ({@code w}, {@code v}, gradients, products) are DOUBLE arrays of
 * length P (shape {@code [P]}); batches come in {@link #dataType()}. Output arrays are supplied by
 * the caller and overwritten. Implementations may keep scratch buffers and are therefore <b>not
 * thread-safe</b>: use one instance per thread (create more from the provider).
 */
public interface Model {

  /** How w is split into named tensors; its size is P. */
  ParameterLayout layout();

  /** P, the number of parameters. */
  default long parameterCount() {
    return layout().size();
  }

  /** The data type batches must have (DOUBLE or FLOAT). */
  DataType dataType();

  /** Initial parameters, a function of {@code key} only (e.g. Kaiming-uniform per tensor). */
  INDArray initialWeights(RandomKey key);

  /**
   * Per-example losses {@code l_i(w)} of the batch into {@code out} (DOUBLE, length n):
   * softmax cross-entropy in nats for classification, half the squared error {@code ½‖f(x) −
   * y‖²} for regression.
   */
  void losses(INDArray w, Batch batch, INDArray out);

  /**
   * The mean loss over the batch, returned, and its gradient with respect to w written into
   * {@code gradient} (DOUBLE, length P).
   */
  double lossAndGradient(INDArray w, Batch batch, INDArray gradient);

  /**
   * The exact product {@code ∇²L(w) v} of the Hessian of the batch's mean loss with {@code v},
   * into {@code out} (both DOUBLE, length P). Exact means derived analytically (Pearlmutter's
   * R-operator), never by finite differences: it is linear in v and symmetric to rounding.
   */
  void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out);

  /**
   * The exact product {@code G v} of the generalised Gauss–Newton matrix of the batch's mean loss,
   * {@code G = (1/n) Σ_i J_iᵀ ∇²_f ℓ_i J_i} (J_i the Jacobian of example i's outputs f with
   * respect to w, {@code ∇²_f ℓ_i} the Hessian of its loss with respect to the outputs): symmetric
   * positive semi-definite, equal to the Hessian where the model is linear in w.
   *
   * @throws DeltascapeException when the model has no such product (the default)
   */
  default void gaussNewtonVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
    throw new DeltascapeException(
        "this model (" + getClass().getSimpleName() + ") has no Gauss-Newton product",
        "operator: ggn",
        "Use operator: hessian, or a model that implements gaussNewtonVectorProduct");
  }

  /**
   * The model's outputs for the batch into {@code out} ({@code n × outputs}, DOUBLE): logits for
   * classification (argmax is the predicted class), predictions for regression.
   */
  void predict(INDArray w, Batch batch, INDArray out);

  /**
   * The model restricted to the space {@code w = w0 + Pθ}.
   *
   * @param w0 the centre, usually w*; DOUBLE length P; not copied: do not modify it afterwards
   * @param basis P, {@code P × D} DOUBLE, columns the directions (orthonormal or not)
   */
  SubspaceModel restrict(INDArray w0, INDArray basis);
}
