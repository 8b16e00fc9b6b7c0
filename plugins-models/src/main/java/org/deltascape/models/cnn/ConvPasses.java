package org.deltascape.models.cnn;

import org.deltascape.models.mlp.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The four passes of one block (convolution, max-pooling, σ) over a chunk of examples, writing into
 * its {@link ConvArrays}. Notation: U = im2col(input) (positions × patch), {@code C = U Kᵀ + b}, z =
 * pool(C), a = σ(z); K is the kernel {@code [out, in·k·k]}, V its direction, R(·) the directional
 * derivative along the direction. Pooling comes before σ: both σ used here are monotone, so {@code
 * pool(σ(C)) = σ(pool(C))} with the same derivatives almost everywhere, at a fraction of the work.
 */
final class ConvPasses {
  private final ConvGeometry block;
  private final int[] patchMap;
  private final Activation activation;

  ConvPasses(ConvGeometry block, Activation activation) {
    this.block = block;
    this.patchMap = block.patchSources();
    this.activation = activation;
  }

  /** U, C, z, a and σ'(z) from the input (a Java array, {@code rows × inputSize}). */
  void forward(INDArray kernel, INDArray bias, double[] input, ConvArrays s, boolean keepHost) {
    Patches.im2col(patchMap, input, block.inputSize(), s.rows, s.columns);
    Nd4j.gemm(s.columns, kernel, s.conv, false, true, 1.0, 0.0);
    s.conv.addiRowVector(bias);
    HostCopy.read(s.conv, s.hostConv);
    MaxPooling.select(block, s.hostConv, s.rows, s.sources, s.hostPooled);
    HostCopy.write(s.hostPooled, s.z);
    activation.apply(s.z, s.a);
    activation.firstDerivative(s.z, s.a, s.slope);
    if (keepHost) {
      HostCopy.read(s.a, s.hostActivation);
    }
  }

  /**
   * {@code R(C) = R(U) Kᵀ + U Vᵀ + v_b}, {@code R(z) = pool(R(C))} through the same argmax, {@code
   * R(a) = σ' ⊙ R(z)}; {@code inputTangent} is R(input), or null for the network's fixed input.
   */
  void rForward(
      INDArray kernel,
      INDArray vKernel,
      INDArray vBias,
      double[] inputTangent,
      ConvArrays s,
      boolean keepHost) {
    Nd4j.gemm(s.columns, vKernel, s.conv, false, true, 1.0, 0.0);
    s.conv.addiRowVector(vBias);
    if (inputTangent != null) {
      Patches.im2col(patchMap, inputTangent, block.inputSize(), s.rows, s.tangentColumns);
      Nd4j.gemm(s.tangentColumns, kernel, s.conv, false, true, 1.0, 1.0);
    }
    HostCopy.read(s.conv, s.hostConv);
    MaxPooling.gather(s.sources, s.sources.length, s.hostConv, s.hostPooled);
    HostCopy.write(s.hostPooled, s.rz);
    s.ra.assign(s.rz).muli(s.slope);
    if (keepHost) {
      HostCopy.read(s.ra, s.hostTangent);
    }
  }

  /**
   * Back-propagation with {@code s.delta = ∂L/∂a}: the kernel's and bias's gradients, and ∂L/∂input
   * into {@code inputDelta} (a Java array) unless it is null. Overwrites {@code s.delta}.
   */
  void backward(
      INDArray kernel, INDArray gradKernel, INDArray gradBias, ConvArrays s, double[] inputDelta) {
    s.delta.muli(s.slope);
    unpool(s.delta, s, s.convDelta);
    Nd4j.gemm(s.convDelta, s.columns, gradKernel, true, false, 1.0, 0.0);
    s.convDelta.sum(gradBias, 0);
    if (inputDelta != null) {
      Nd4j.gemm(s.convDelta, kernel, s.columnDeltas, false, false, 1.0, 0.0);
      col2im(s, inputDelta);
    }
  }

  /**
   * The R-backward pass with {@code s.delta = ∂L/∂a} and {@code s.rdelta = R(∂L/∂a)}: {@code R(δ_z)
   * = R(δ_a) ⊙ σ' + δ_a ⊙ σ'' ⊙ R(z)}, unpooled; {@code R(∇K) = R(δ_C)ᵀ U + δ_Cᵀ R(U)}; and, unless
   * null, ∂L/∂input and R(∂L/∂input) = col2im(R(δ_C) K + δ_C V). {@code hasInputTangent} says whether
   * R(U) was formed (not for the network's input).
   */
  void rBackward(
      INDArray kernel,
      INDArray vKernel,
      INDArray productKernel,
      INDArray productBias,
      ConvArrays s,
      boolean hasInputTangent,
      double[] inputDelta,
      double[] inputTangentDelta) {
    s.rdelta.muli(s.slope);
    if (activation.curved()) {
      activation.secondDerivative(s.a, s.slope, s.second);
      s.rdelta.addi(s.second.muli(s.delta).muli(s.rz));
    }
    s.delta.muli(s.slope);
    unpool(s.delta, s, s.convDelta);
    unpool(s.rdelta, s, s.convTangentDelta);
    Nd4j.gemm(s.convTangentDelta, s.columns, productKernel, true, false, 1.0, 0.0);
    if (hasInputTangent) {
      Nd4j.gemm(s.convDelta, s.tangentColumns, productKernel, true, false, 1.0, 1.0);
    }
    s.convTangentDelta.sum(productBias, 0);
    if (inputDelta != null) {
      Nd4j.gemm(s.convDelta, kernel, s.columnDeltas, false, false, 1.0, 0.0);
      col2im(s, inputDelta);
      Nd4j.gemm(s.convTangentDelta, kernel, s.columnDeltas, false, false, 1.0, 0.0);
      Nd4j.gemm(s.convDelta, vKernel, s.columnDeltas, false, false, 1.0, 1.0);
      col2im(s, inputTangentDelta);
    }
  }

  private void unpool(INDArray pooledDelta, ConvArrays s, INDArray convDelta) {
    HostCopy.read(pooledDelta, s.hostPooled);
    MaxPooling.scatter(
        s.sources, s.sources.length, s.hostPooled, s.hostConv, s.hostConv.length);
    HostCopy.write(s.hostConv, convDelta);
  }

  private void col2im(ConvArrays s, double[] inputDelta) {
    HostCopy.read(s.columnDeltas, s.hostColumns);
    Patches.col2im(patchMap, s.hostColumns, block.inputSize(), s.rows, inputDelta);
  }
}
