package org.deltascape.estimators.delta;

import org.deltascape.api.ExampleDerivatives;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The increments of the second-order Taylor model of L_k at w* along one data order (PAPER.md,
 * "Estimators of Δ_k", 2): {@code a_k = L_{k+1}(w*) − L_k(w*)}, {@code c_k = Pᵀ(∇L_{k+1} − ∇L_k)}
 * and {@code B_k = Pᵀ(H_{k+1} − H_k)P}, from prefix sums of the per-example value, D-gradient and
 * D×D Hessian. Like Monte Carlo, each increment is formed as {@code (block mean − prefix
 * mean)/(k+1)} (exact algebra, no cancellation of two nearly equal prefix means), and every k of
 * an order comes from one walk over its positions. B is kept in full, or only its diagonal (all
 * that Theorem 1's fixed-P form needs, at O(D) per example instead of O(D²)).
 *
 * <p>Usage: {@link #start} an order, then call {@link #next} K times; after each call {@link #a},
 * {@link #c} and {@link #b} hold the increments of that k. Buffers are preallocated; nothing is
 * allocated per step. Not thread-safe: one instance per thread.
 */
final class TaylorIncrements {
  private final double[] values;
  private final double[] gradients;
  private final double[] hessians;
  private final int dimension;
  private final boolean fullHessian;
  private final int width;

  private final double[] prefixGradient;
  private final double[] prefixHessian;
  private final double[] blockGradient;
  private final double[] blockHessian;
  private double prefixValue;

  private int[] order;
  private int blockSize;
  private int position;
  private int k;

  /** a_k. */
  double a;

  /** c_k, length D. */
  final double[] c;

  /** B_k: D×D row-major when full, else its diagonal (length D). */
  final double[] b;

  /**
   * @param derivatives the per-example derivatives at w*
   * @param fullHessian whether to keep all of B_k, or only its diagonal
   */
  TaylorIncrements(ExampleDerivatives derivatives, boolean fullHessian) {
    this.values = flat(derivatives.values());
    this.gradients = flat(derivatives.gradients());
    this.dimension = (int) derivatives.gradients().size(1);
    this.fullHessian = fullHessian;
    this.width = fullHessian ? dimension * dimension : dimension;
    if (fullHessian) {
      this.hessians = flat(derivatives.hessians());
    } else {
      double[] all = flat(derivatives.hessians());
      int n = values.length;
      this.hessians = new double[n * dimension];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < dimension; d++) {
          hessians[i * dimension + d] = all[(i * dimension + d) * dimension + d];
        }
      }
    }
    prefixGradient = new double[dimension];
    blockGradient = new double[dimension];
    prefixHessian = new double[width];
    blockHessian = new double[width];
    c = new double[dimension];
    b = new double[width];
  }

  /** D. */
  int dimension() {
    return dimension;
  }

  /** N, the number of examples. */
  int examples() {
    return values.length;
  }

  /** Begins an order: the prefix holds its first block, and the next call gives k = 1. */
  void start(int[] newOrder, int newBlockSize) {
    if (newOrder.length != values.length) {
      throw new IllegalArgumentException(
          "an order of " + newOrder.length + " positions for " + values.length + " examples");
    }
    order = newOrder;
    blockSize = newBlockSize;
    prefixValue = 0.0;
    java.util.Arrays.fill(prefixGradient, 0.0);
    java.util.Arrays.fill(prefixHessian, 0.0);
    position = 0;
    prefixValue = addBlock(prefixGradient, prefixHessian);
    k = 0;
  }

  /** Advances to the next k and computes its increments. */
  void next() {
    k++;
    java.util.Arrays.fill(blockGradient, 0.0);
    java.util.Arrays.fill(blockHessian, 0.0);
    double blockValue = addBlock(blockGradient, blockHessian);
    double blockScale = 1.0 / blockSize;
    double prefixScale = 1.0 / ((double) k * blockSize);
    double step = 1.0 / (k + 1);
    a = (blockValue * blockScale - prefixValue * prefixScale) * step;
    prefixValue += blockValue;
    for (int d = 0; d < dimension; d++) {
      c[d] = (blockGradient[d] * blockScale - prefixGradient[d] * prefixScale) * step;
      prefixGradient[d] += blockGradient[d];
    }
    for (int e = 0; e < width; e++) {
      b[e] = (blockHessian[e] * blockScale - prefixHessian[e] * prefixScale) * step;
      prefixHessian[e] += blockHessian[e];
    }
  }

  /** Adds the next block's derivatives into the buffers; returns the block's value sum. */
  private double addBlock(double[] gradient, double[] hessian) {
    double value = 0.0;
    for (int end = position + blockSize; position < end; position++) {
      int i = order[position];
      value += values[i];
      int g = i * dimension;
      for (int d = 0; d < dimension; d++) {
        gradient[d] += gradients[g + d];
      }
      int h = i * width;
      for (int e = 0; e < width; e++) {
        hessian[e] += hessians[h + e];
      }
    }
    return value;
  }

  /** Whether {@link #b} holds all of B_k. */
  boolean fullHessian() {
    return fullHessian;
  }

  /** The values of an array as one row-major float64 array. */
  static double[] flat(INDArray array) {
    return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }
}
