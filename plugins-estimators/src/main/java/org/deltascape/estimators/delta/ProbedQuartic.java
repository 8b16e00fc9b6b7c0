package org.deltascape.estimators.delta;

import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hutchinson probes of the curvature increment (M. F. Hutchinson, "A stochastic estimator of the
 * trace of the influence matrix for Laplacian smoothing splines", 1990): for Rademacher z,
 * {@code E_z (zᵀBz)² = (tr B)² + 2 Σ_{d≠e} B_de²}, the part of {@code E(θᵀBθ)²} that needs all of
 * B. Since {@code z_mᵀB_k z_m} is the increment of the per-example scalars {@code t_{i,m} =
 * z_mᵀ(Pᵀ∇²l_i P)z_m}, the scalars are formed once (one N×D² by D²×M product) and every order and
 * k then costs O(M), instead of O(D²) per example per order for B itself.
 *
 * <p>Probe m is drawn from {@code (0, "quadratic/probes", m)}: the estimate is a fixed function
 * of the derivatives. Not thread-safe: one instance per thread.
 */
final class ProbedQuartic {
  private final double[] scalars;
  private final int probes;
  private final double[] prefix;
  private final double[] block;
  private int[] order;
  private int blockSize;
  private int position;
  private int k;

  /** {@code z_mᵀB_k z_m} for each probe m after {@link #next}. */
  final double[] increments;

  ProbedQuartic(ExampleDerivatives derivatives, int probes) {
    int examples = (int) derivatives.values().length();
    int dimension = (int) derivatives.gradients().size(1);
    this.probes = probes;
    double[] outer = new double[dimension * dimension * probes];
    double[] z = new double[dimension];
    for (int m = 0; m < probes; m++) {
      var random = new RandomKey(0, "quadratic/probes", m).generator();
      for (int d = 0; d < dimension; d++) {
        z[d] = random.nextBoolean() ? 1.0 : -1.0;
      }
      for (int d = 0; d < dimension; d++) {
        for (int e = 0; e < dimension; e++) {
          outer[(d * dimension + e) * probes + m] = z[d] * z[e];
        }
      }
    }
    INDArray hessians =
        derivatives.hessians().castTo(DataType.DOUBLE).reshape('c', examples, (long) dimension * dimension);
    INDArray zz = Nd4j.create(outer, new long[] {(long) dimension * dimension, probes}, 'c');
    this.scalars = TaylorIncrements.flat(hessians.mmul(zz));
    prefix = new double[probes];
    block = new double[probes];
    increments = new double[probes];
  }

  /** M. */
  int probes() {
    return probes;
  }

  /** Begins an order, as {@link TaylorIncrements#start}. */
  void start(int[] newOrder, int newBlockSize) {
    order = newOrder;
    blockSize = newBlockSize;
    position = 0;
    java.util.Arrays.fill(prefix, 0.0);
    add(prefix);
    k = 0;
  }

  /** Advances to the next k. */
  void next() {
    k++;
    java.util.Arrays.fill(block, 0.0);
    add(block);
    double step = 1.0 / (k + 1);
    double prefixScale = 1.0 / ((double) k * blockSize);
    for (int m = 0; m < probes; m++) {
      increments[m] = (block[m] / blockSize - prefix[m] * prefixScale) * step;
      prefix[m] += block[m];
    }
  }

  private void add(double[] into) {
    for (int end = position + blockSize; position < end; position++) {
      int row = order[position] * probes;
      for (int m = 0; m < probes; m++) {
        into[m] += scalars[row + m];
      }
    }
  }
}
