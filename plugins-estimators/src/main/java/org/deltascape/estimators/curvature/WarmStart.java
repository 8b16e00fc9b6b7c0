package org.deltascape.estimators.curvature;

import java.util.random.RandomGenerator;
import org.deltascape.api.Eigenpairs;

/**
 * Start vectors from the eigenpairs of a nearby operator (H_{k−1} for H_k, say): a warm vector
 * plus a small Gaussian part, so that every eigenvector keeps a component in the start and an
 * eigenvalue that has overtaken the warm ones is still found.
 */
final class WarmStart {
  private WarmStart() {}

  /**
   * The unit vector {@code normalise(Σ_d v_d/√W + γ g)}, g a unit Gaussian vector from {@code
   * random}; null when there is no warm start.
   *
   * @param warmStart W eigenpairs of a nearby operator of dimension n, or null
   * @param noise γ, the weight of the random part
   * @throws IllegalArgumentException when the warm start has another dimension
   */
  static double[] startVector(Eigenpairs warmStart, int n, RandomGenerator random, double noise) {
    if (warmStart == null) {
      return null;
    }
    double[][] vectors = columns(warmStart, n);
    double[] start = new double[n];
    for (double[] v : vectors) {
      KrylovBasis.axpy(1.0 / Math.sqrt(vectors.length), v, start);
    }
    return withNoise(start, random, noise);
  }

  /** Column d of the warm start, as a plain vector of length n. */
  static double[][] columns(Eigenpairs warmStart, int n) {
    if (warmStart.vectors().rows() != n) {
      throw new IllegalArgumentException(
          "the warm start has dimension " + warmStart.vectors().rows() + ", the operator " + n);
    }
    double[][] rows = warmStart.vectors().toDoubleMatrix();
    double[][] columns = new double[warmStart.count()][n];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < columns.length; d++) {
        columns[d][i] = rows[i][d];
      }
    }
    return columns;
  }

  /** {@code normalise(v/‖v‖ + γ g)}, g a unit Gaussian vector; {@code v} is not modified. */
  static double[] withNoise(double[] v, RandomGenerator random, double noise) {
    int n = v.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = random.nextGaussian();
    }
    double vNorm = KrylovBasis.norm(v);
    double gNorm = KrylovBasis.norm(g);
    double[] out = new double[n];
    if (vNorm > 0) {
      KrylovBasis.axpy(1.0 / vNorm, v, out);
    }
    KrylovBasis.axpy(noise / gNorm, g, out);
    KrylovBasis.scale(1.0 / KrylovBasis.norm(out), out);
    return out;
  }
}
