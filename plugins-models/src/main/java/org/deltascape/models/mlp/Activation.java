package org.deltascape.models.mlp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The elementwise non-linearity σ of the hidden layers, with the first and second derivatives that
 * the gradient, the R-operator and the subspace Taylor passes need. All methods write into
 * caller-supplied arrays of the pre-activation's shape and allocate nothing.
 */
public enum Activation {
  /** {@code max(0, z)}; σ'(0) is taken as 0 (as PyTorch does) and σ'' is 0 everywhere. */
  RELU("relu") {
    @Override
    public void apply(INDArray z, INDArray out) {
      Nd4j.exec(new RectifiedLinear(z, out, 0.0));
    }

    @Override
    public void firstDerivative(INDArray z, INDArray a, INDArray out) {
      Nd4j.exec(new Step(z, out, 0.0));
    }

    @Override
    public boolean curved() {
      return false;
    }

    @Override
    public void secondDerivative(INDArray a, INDArray first, INDArray out) {
      out.assign(0.0);
    }
  },
  /** {@code tanh z}: σ' = 1 − a², σ'' = −2a(1 − a²), both from the activation a. */
  TANH("tanh") {
    @Override
    public void apply(INDArray z, INDArray out) {
      Nd4j.exec(new Tanh(z, out));
    }

    @Override
    public void firstDerivative(INDArray z, INDArray a, INDArray out) {
      out.assign(a).muli(a).rsubi(1.0);
    }

    @Override
    public boolean curved() {
      return true;
    }

    @Override
    public void secondDerivative(INDArray a, INDArray first, INDArray out) {
      out.assign(a).muli(first).muli(-2.0);
    }
  };

  private final String id;

  Activation(String id) {
    this.id = id;
  }

  /** The config value naming this activation ({@code "relu"}). */
  public String id() {
    return id;
  }

  /** The activation of config value {@code id}. */
  public static Activation of(String id) {
    for (Activation activation : values()) {
      if (activation.id.equals(id)) {
        return activation;
      }
    }
    throw new IllegalArgumentException("unknown activation " + id);
  }

  /** {@code out = σ(z)}. */
  public abstract void apply(INDArray z, INDArray out);

  /** {@code out = σ'(z)}, given also {@code a = σ(z)}. */
  public abstract void firstDerivative(INDArray z, INDArray a, INDArray out);

  /** Whether σ'' can be non-zero; when not, second-order terms through σ are skipped. */
  public abstract boolean curved();

  /** {@code out = σ''(z)}, given {@code a = σ(z)} and {@code first = σ'(z)}. */
  public abstract void secondDerivative(INDArray a, INDArray first, INDArray out);
}
