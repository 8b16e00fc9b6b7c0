package org.deltascape.models.cnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The passes of a whole CNN over one chunk whose images {@link CnnChunk#load} has put in place. The
 * convolution blocks run slice by slice: per block the index-driven steps ({@link HostSteps})
 * around ND4J matrix products into the slice's preallocated arrays, kernel products summed over
 * the slices; the dense head then runs once for the whole chunk, as does the read of its deltas.
 * Backward passes take the slices in reverse order, so the first one reuses the patch matrices the
 * forward pass left; the others rebuild theirs (an im2col is cheap beside the products). The
 * network's input is data, so it has no tangent and no delta.
 *
 * <p>Notation per block: U = im2col(input) ({@code positions × patch}), K the kernel {@code [out,
 * patch]} in the internal {@code (ky, kx, c)} order, {@code C = U Kᵀ}, z = pool(C) + b, a = σ(z);
 * V is K's direction and R(·) the directional derivative along it.
 */
final class CnnPasses {
  private final int count;

  CnnPasses(CnnArchitecture shape) {
    this.count = shape.blocks().size();
  }

  /** The forward pass; returns the network's outputs ({@code rows × outputs}). */
  INDArray forward(CnnParameters w, CnnChunk c) {
    return forward(w, null, c);
  }

  /**
   * The forward pass and, when {@code v} is not null, the R-forward pass along it, slice by slice:
   * {@code R(C) = U Vᵀ + R(U) Kᵀ} (no R(U) for the first block), {@code R(z) = R(C)[choice] + v_b},
   * {@code R(a) = σ' R(z)}; leaves {@code J v} in {@code c.head.outputTangent()}. Returns the
   * network's outputs.
   */
  INDArray forward(CnnParameters w, CnnParameters v, CnnChunk c) {
    double[][] biases = biases(w);
    double[][] vBiases = v == null ? null : biases(v);
    for (int first = 0; first < c.rows; first += c.sliceRows) {
      int rows = Math.min(c.sliceRows, c.rows - first);
      ConvArrays[] slice = c.slice(rows);
      for (int b = 0; b < count; b++) {
        ConvArrays s = slice[b];
        INDArray columns = columns(c, s, b, first, rows, true);
        Nd4j.gemm(columns, w.kernel(b), s.conv, false, true, 1.0, 0.0);
        c.host.pool(b, s.conv, biases[b], first, rows, c.headInput);
        if (v != null) {
          Nd4j.gemm(columns, v.kernel(b), s.conv, false, true, 1.0, 0.0);
          if (b > 0) {
            Nd4j.gemm(tangentColumns(c, s, b, first, rows, true), w.kernel(b), s.conv, false, true,
                1.0, 1.0);
          }
          c.host.poolTangent(b, s.conv, vBiases[b], first, rows, c.headTangent());
        }
      }
    }
    INDArray outputs = c.head.forward(w.head(), c.headInput);
    if (v != null) {
      c.head.rForward(w.head(), v.head(), c.headInput, c.headTangent());
    }
    return outputs;
  }

  /**
   * Back-propagation of {@code c.head.outputDelta()} into {@code gradient}: {@code ∇K = Σ δCᵀ U},
   * {@code ∇b = Σ δC}, {@code ∂L/∂U = δC K} then col2im.
   */
  void backward(CnnParameters w, CnnChunk c, CnnParameters gradient) {
    c.head.backward(w.head(), c.headInput, gradient.head(), c.headDelta());
    c.host.readHeadDeltas(c.headDelta(), null);
    double[][] biasSums = new double[count][];
    for (int b = 0; b < count; b++) {
      biasSums[b] = new double[(int) gradient.bias(b).length()];
    }
    int last = (c.rows - 1) / c.sliceRows * c.sliceRows;
    for (int first = last; first >= 0; first -= c.sliceRows) {
      int rows = Math.min(c.sliceRows, c.rows - first);
      double beta = first == last ? 0.0 : 1.0;
      ConvArrays[] slice = c.slice(rows);
      for (int b = count - 1; b >= 0; b--) {
        ConvArrays s = slice[b];
        INDArray delta = s.convDelta();
        c.host.unpool(b, first, rows, delta, biasSums[b]);
        INDArray columns = columns(c, s, b, first, rows, false);
        Nd4j.gemm(delta, columns, gradient.kernel(b), true, false, 1.0, beta);
        if (b > 0) {
          Nd4j.gemm(delta, w.kernel(b), s.columnDeltas(), false, false, 1.0, 0.0);
          c.host.col2im(b, false, first, rows, s.columnDeltas());
        }
      }
    }
    for (int b = 0; b < count; b++) {
      gradient.bias(b).assign(Nd4j.createFromArray(biasSums[b]));
    }
  }

  /**
   * The R-backward pass of the head's output deltas and their tangents into {@code product}: {@code
   * R(∇K) = Σ R(δC)ᵀ U + δCᵀ R(U)}, {@code R(∇b) = Σ R(δC)}, and for the block below {@code ∂L/∂U =
   * δC K} and {@code R(∂L/∂U) = R(δC) K + δC V}, each then col2im.
   */
  void rBackward(CnnParameters w, CnnParameters v, CnnChunk c, CnnParameters product) {
    c.head.rBackward(
        w.head(),
        v.head(),
        c.headInput,
        c.headTangent(),
        product.head(),
        c.headDelta(),
        c.headTangentDelta());
    c.host.readHeadDeltas(c.headDelta(), c.headTangentDelta());
    double[][] biasSums = new double[count][];
    for (int b = 0; b < count; b++) {
      biasSums[b] = new double[(int) product.bias(b).length()];
    }
    int last = (c.rows - 1) / c.sliceRows * c.sliceRows;
    for (int first = last; first >= 0; first -= c.sliceRows) {
      int rows = Math.min(c.sliceRows, c.rows - first);
      double beta = first == last ? 0.0 : 1.0;
      ConvArrays[] slice = c.slice(rows);
      for (int b = count - 1; b >= 0; b--) {
        ConvArrays s = slice[b];
        INDArray delta = s.convDelta();
        INDArray tangentDelta = s.convTangentDelta();
        c.host.rUnpool(b, first, rows, delta, tangentDelta, biasSums[b]);
        INDArray kernelProduct = product.kernel(b);
        Nd4j.gemm(tangentDelta, columns(c, s, b, first, rows, false), kernelProduct, true, false,
            1.0, beta);
        if (b > 0) {
          Nd4j.gemm(delta, tangentColumns(c, s, b, first, rows, false), kernelProduct, true, false,
              1.0, 1.0);
          Nd4j.gemm(delta, w.kernel(b), s.columnDeltas(), false, false, 1.0, 0.0);
          c.host.col2im(b, false, first, rows, s.columnDeltas());
          Nd4j.gemm(tangentDelta, w.kernel(b), s.columnTangentDeltas(), false, false, 1.0, 0.0);
          Nd4j.gemm(delta, v.kernel(b), s.columnTangentDeltas(), false, false, 1.0, 1.0);
          c.host.col2im(b, true, first, rows, s.columnTangentDeltas());
        }
      }
    }
    for (int b = 0; b < count; b++) {
      product.bias(b).assign(Nd4j.createFromArray(biasSums[b]));
    }
  }

  /**
   * U of block b for the slice: the chunk's first patches, or built by im2col when {@code rebuild}
   * (the forward pass: the block's input is new) or when the arrays hold another slice's.
   */
  private static INDArray columns(
      CnnChunk c, ConvArrays s, int b, int first, int rows, boolean rebuild) {
    if (b == 0) {
      return c.firstPatches(first, rows);
    }
    if (rebuild || s.columnsOf != first) {
      c.host.im2col(b, false, first, rows, s.columns());
      s.columnsOf = first;
    }
    return s.columns();
  }

  /** R(U) of block b ≥ 1 for the slice, built as {@link #columns} is. */
  private static INDArray tangentColumns(
      CnnChunk c, ConvArrays s, int b, int first, int rows, boolean rebuild) {
    if (rebuild || s.tangentColumnsOf != first) {
      c.host.im2col(b, true, first, rows, s.tangentColumns());
      s.tangentColumnsOf = first;
    }
    return s.tangentColumns();
  }

  private double[][] biases(CnnParameters w) {
    double[][] biases = new double[count][];
    for (int b = 0; b < count; b++) {
      biases[b] = w.bias(b).toDoubleVector();
    }
    return biases;
  }
}
