package org.deltascape.models.mlp;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The four passes of an MLP over a batch, all writing into a {@link MlpWorkspace} and into
 * caller-supplied {@link LayerViews}: the forward pass, back-propagation of the mean loss's
 * gradient, and Pearlmutter's R-forward and R-backward passes, which give the exact Hessian-vector
 * product.
 *
 * <p>Notation, per layer j: {@code z_j = a_{j−1} W_jᵀ + b_j}, {@code a_j = σ(z_j)}, {@code a_{−1} =
 * X}, the output is {@code z_{L−1}}; {@code δ_j = ∂L/∂z_j}; {@code R(·)} is the directional
 * derivative along v. Matrix products go straight into preallocated arrays.
 */
final class MlpPasses {
  private final MlpArchitecture shape;
  private final Activation activation;

  MlpPasses(MlpArchitecture shape) {
    this.shape = shape;
    this.activation = shape.activation();
  }

  /**
   * Computes {@code z_j} (and {@code a_{j−1}}) for layers {@code j ≥ from}. When {@code from > 0},
   * {@code ws.z[from − 1]} must already hold that layer's pre-activation.
   *
   * @param slopes whether to keep σ'(z_j), which the backward passes need
   */
  void forward(LayerViews w, INDArray x, MlpWorkspace ws, int from, boolean slopes) {
    for (int j = from; j < shape.layers(); j++) {
      INDArray input = x;
      if (j > 0) {
        activation.apply(ws.z[j - 1], ws.a[j - 1]);
        if (slopes) {
          activation.firstDerivative(ws.z[j - 1], ws.a[j - 1], ws.slope[j - 1]);
        }
        input = ws.a[j - 1];
      }
      Nd4j.gemm(input, w.weight(j), ws.z[j], false, true, 1.0, 0.0);
      ws.z[j].addiRowVector(w.bias(j));
    }
  }

  /**
   * The layers above the first from its activation {@code a_0 = σ(z_0)} (n × width(1), any
   * contiguous array, read only): leaves {@code z_j} for j ≥ 1 in {@code ws}, without slopes. The
   * subspace model's block evaluation uses it to run straight from its block of first-layer
   * pre-activations, with no copy into the workspace.
   */
  void forwardAbove(LayerViews w, INDArray firstActivation, MlpWorkspace ws) {
    for (int j = 1; j < shape.layers(); j++) {
      INDArray input = firstActivation;
      if (j > 1) {
        activation.apply(ws.z[j - 1], ws.a[j - 1]);
        input = ws.a[j - 1];
      }
      Nd4j.gemm(input, w.weight(j), ws.z[j], false, true, 1.0, 0.0);
      ws.z[j].addiRowVector(w.bias(j));
    }
  }

  /** The network's output (logits or predictions) after {@link #forward}. */
  INDArray output(MlpWorkspace ws) {
    return ws.z[shape.layers() - 1];
  }

  /**
   * Back-propagation: with {@code ws.delta[L−1]} holding {@code ∂L/∂z_{L−1}}, writes ∇L into {@code
   * gradient} (overwriting it) and leaves {@code δ_j} in {@code ws.delta}.
   */
  void backward(LayerViews w, INDArray x, MlpWorkspace ws, LayerViews gradient) {
    backward(w, x, ws, gradient, null);
  }

  /**
   * As {@link #backward(LayerViews, INDArray, MlpWorkspace, LayerViews)}, and also {@code ∂L/∂X =
   * δ_0 W_0} into {@code inputDelta} unless it is null (for a network whose input X is itself
   * computed from parameters, such as a CNN's dense head).
   */
  void backward(
      LayerViews w, INDArray x, MlpWorkspace ws, LayerViews gradient, INDArray inputDelta) {
    for (int j = shape.layers() - 1; j >= 0; j--) {
      INDArray input = j == 0 ? x : ws.a[j - 1];
      Nd4j.gemm(ws.delta[j], input, gradient.weight(j), true, false, 1.0, 0.0);
      ws.delta[j].sum(gradient.bias(j), 0);
      if (j > 0) {
        Nd4j.gemm(ws.delta[j], w.weight(j), ws.delta[j - 1], false, false, 1.0, 0.0);
        ws.delta[j - 1].muli(ws.slope[j - 1]);
      } else if (inputDelta != null) {
        Nd4j.gemm(ws.delta[0], w.weight(0), inputDelta, false, false, 1.0, 0.0);
      }
    }
  }

  /**
   * The R-forward pass after {@link #forward} with slopes: {@code R(z_j) = R(a_{j−1}) W_jᵀ +
   * a_{j−1} V_jᵀ + v_{b,j}} and {@code R(a_j) = σ'(z_j) ⊙ R(z_j)}, with {@code R(a_{−1}) = R(X)},
   * which is {@code inputTangent}, or 0 when that is null (fixed data).
   */
  void rForward(LayerViews w, LayerViews v, INDArray x, INDArray inputTangent, MlpWorkspace ws) {
    for (int j = 0; j < shape.layers(); j++) {
      INDArray input = j == 0 ? x : ws.a[j - 1];
      Nd4j.gemm(input, v.weight(j), ws.rz[j], false, true, 1.0, 0.0);
      ws.rz[j].addiRowVector(v.bias(j));
      INDArray inputR = j == 0 ? inputTangent : ws.ra[j - 1];
      if (inputR != null) {
        Nd4j.gemm(inputR, w.weight(j), ws.rz[j], false, true, 1.0, 1.0);
      }
      if (j < shape.layers() - 1) {
        ws.ra[j].assign(ws.rz[j]).muli(ws.slope[j]);
      }
    }
  }

  /**
   * The R-backward pass: with {@code ws.delta[L−1] = ∂L/∂z_{L−1}} and {@code ws.rdelta[L−1] =
   * R(∂L/∂z_{L−1})}, writes {@code R(∇L) = ∇²L·v} into {@code product}. Per layer, {@code R(∇W_j) =
   * R(δ_j)ᵀ a_{j−1} + δ_jᵀ R(a_{j−1})} and {@code R(δ_{j−1}) = (R(δ_j) W_j + δ_j V_j) ⊙ σ' + (δ_j
   * W_j) ⊙ σ'' ⊙ R(z_{j−1})}.
   *
   * <p>With a non-null {@code inputTangent} R(X) (as in {@link #rForward}), the first layer gains
   * {@code δ_0ᵀ R(X)}; non-null {@code inputDelta} and {@code inputTangentDelta} receive {@code
   * ∂L/∂X = δ_0 W_0} and {@code R(∂L/∂X) = R(δ_0) W_0 + δ_0 V_0}.
   */
  void rBackward(
      LayerViews w,
      LayerViews v,
      INDArray x,
      INDArray inputTangent,
      MlpWorkspace ws,
      LayerViews product,
      INDArray inputDelta,
      INDArray inputTangentDelta) {
    for (int j = shape.layers() - 1; j >= 0; j--) {
      INDArray input = j == 0 ? x : ws.a[j - 1];
      Nd4j.gemm(ws.rdelta[j], input, product.weight(j), true, false, 1.0, 0.0);
      INDArray inputR = j == 0 ? inputTangent : ws.ra[j - 1];
      if (inputR != null) {
        Nd4j.gemm(ws.delta[j], inputR, product.weight(j), true, false, 1.0, 1.0);
      }
      ws.rdelta[j].sum(product.bias(j), 0);
      if (j == 0 && inputDelta != null) {
        Nd4j.gemm(ws.delta[0], w.weight(0), inputDelta, false, false, 1.0, 0.0);
      }
      if (j == 0 && inputTangentDelta != null) {
        Nd4j.gemm(ws.rdelta[0], w.weight(0), inputTangentDelta, false, false, 1.0, 0.0);
        Nd4j.gemm(ws.delta[0], v.weight(0), inputTangentDelta, false, false, 1.0, 1.0);
      }
      if (j > 0) {
        INDArray backProjected = ws.delta[j - 1];
        Nd4j.gemm(ws.delta[j], w.weight(j), backProjected, false, false, 1.0, 0.0);
        Nd4j.gemm(ws.rdelta[j], w.weight(j), ws.rdelta[j - 1], false, false, 1.0, 0.0);
        Nd4j.gemm(ws.delta[j], v.weight(j), ws.rdelta[j - 1], false, false, 1.0, 1.0);
        ws.rdelta[j - 1].muli(ws.slope[j - 1]);
        if (activation.curved()) {
          INDArray term = ws.curvature[j - 1];
          activation.secondDerivative(ws.a[j - 1], ws.slope[j - 1], term);
          ws.rdelta[j - 1].addi(term.muli(backProjected).muli(ws.rz[j - 1]));
        }
        backProjected.muli(ws.slope[j - 1]);
      }
    }
  }
}
