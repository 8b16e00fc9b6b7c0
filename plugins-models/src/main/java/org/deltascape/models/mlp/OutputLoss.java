package org.deltascape.models.mlp;

import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The per-example loss ℓ(z, y) of the network's output z (logits or predictions) against the target
 * y, with its slope ∂ℓ/∂z and the product of its curvature ∂²ℓ/∂z² with a vector. Each row of the
 * arrays is one example; targets are one-hot for classification.
 */
public enum OutputLoss {
  /** {@code ℓ = logsumexp(z) − yᵀz} (nats); slope {@code p − y}; curvature {@code diag p − ppᵀ}. */
  CROSS_ENTROPY {
    @Override
    public void evaluate(INDArray logits, INDArray targets, INDArray losses, INDArray slope) {
      INDArray max = logits.max(1);
      INDArray probabilities = logits.subColumnVector(max);
      Transforms.exp(probabilities, false);
      INDArray total = probabilities.sum(1);
      if (losses != null) {
        INDArray fit = logits.mul(targets).sum(1);
        losses.assign(Transforms.log(total, true).addi(max).subi(fit));
      }
      if (slope != null) {
        slope.assign(probabilities.diviColumnVector(total)).subi(targets);
      }
    }

    @Override
    public void curvatureProduct(INDArray logits, INDArray u, INDArray out) {
      INDArray probabilities = softmax(logits);
      INDArray projection = probabilities.mul(u).sum(1);
      out.assign(u).subiColumnVector(projection).muli(probabilities);
    }
  },
  /** {@code ℓ = ½‖z − y‖²}; slope {@code z − y}; curvature the identity. */
  SQUARED_ERROR {
    @Override
    public void evaluate(INDArray logits, INDArray targets, INDArray losses, INDArray slope) {
      INDArray residual = logits.sub(targets);
      if (losses != null) {
        losses.assign(residual.mul(residual).sum(1).muli(0.5));
      }
      if (slope != null) {
        slope.assign(residual);
      }
    }

    @Override
    public void curvatureProduct(INDArray logits, INDArray u, INDArray out) {
      out.assign(u);
    }
  };

  /** The loss that fits the targets. */
  public static OutputLoss of(TargetKind kind) {
    return kind == TargetKind.CLASSIFICATION ? CROSS_ENTROPY : SQUARED_ERROR;
  }

  /**
   * Per-example losses (n) into {@code losses} and slopes {@code ∂ℓ_i/∂z_i} (n × C) into {@code
   * slope}; either may be null when not wanted.
   */
  public abstract void evaluate(INDArray logits, INDArray targets, INDArray losses, INDArray slope);

  /** Per example {@code out_i = ∂²ℓ_i/∂z_i² · u_i} (n × C); {@code out} may not alias {@code u}. */
  public abstract void curvatureProduct(INDArray logits, INDArray u, INDArray out);

  private static INDArray softmax(INDArray logits) {
    INDArray probabilities = logits.subColumnVector(logits.max(1));
    Transforms.exp(probabilities, false);
    return probabilities.diviColumnVector(probabilities.sum(1));
  }
}
