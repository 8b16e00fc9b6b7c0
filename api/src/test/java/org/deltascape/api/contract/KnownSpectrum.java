package org.deltascape.api.contract;

import java.util.random.RandomGenerator;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A symmetric matrix {@code A = Q diag(λ) Qᵀ} with a chosen spectrum and a seeded random
 * orthogonal Q, so that its eigenpairs are known exactly (to rounding) without any eigensolver:
 * the reference for curvature backends and Hessian spaces. Also a {@link SymmetricOperator} that
 * counts its products. Not thread-safe.
 */
public final class KnownSpectrum implements SymmetricOperator {
  private final double[] spectrum;
  private final double[][] eigenvectors;
  private final double[][] matrix;
  private long products;

  /**
   * @param spectrum the eigenvalues, in any order
   * @param seed the seed of Q (Gaussian, orthonormalised by modified Gram–Schmidt twice)
   */
  public KnownSpectrum(double[] spectrum, long seed) {
    int n = spectrum.length;
    this.spectrum = spectrum.clone();
    this.eigenvectors = new double[n][];
    for (int j = 0; j < n; j++) {
      RandomGenerator random = new RandomKey(seed, "contract/known-spectrum", j).generator();
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] = random.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int e = 0; e < j; e++) {
          double dot = dot(eigenvectors[e], q);
          for (int i = 0; i < n; i++) {
            q[i] -= dot * eigenvectors[e][i];
          }
        }
      }
      double norm = Math.sqrt(dot(q, q));
      for (int i = 0; i < n; i++) {
        q[i] /= norm;
      }
      eigenvectors[j] = q;
    }
    this.matrix = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] q = eigenvectors[j];
      for (int a = 0; a < n; a++) {
        double scaled = spectrum[j] * q[a];
        for (int b = 0; b < n; b++) {
          matrix[a][b] += scaled * q[b];
        }
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < a; b++) {
        double mean = 0.5 * (matrix[a][b] + matrix[b][a]);
        matrix[a][b] = mean;
        matrix[b][a] = mean;
      }
    }
  }

  /** λ_j as given. */
  public double eigenvalue(int j) {
    return spectrum[j];
  }

  /** The unit eigenvector of λ_j; a copy. */
  public double[] eigenvector(int j) {
    return eigenvectors[j].clone();
  }

  /** {@code A v} in plain arithmetic. */
  public double[] times(double[] v) {
    int n = v.length;
    double[] out = new double[n];
    for (int a = 0; a < n; a++) {
      out[a] = dot(matrix[a], v);
    }
    return out;
  }

  /** The number of products {@link #apply} has computed. */
  public long products() {
    return products;
  }

  @Override
  public long dimension() {
    return spectrum.length;
  }

  @Override
  public void apply(INDArray v, INDArray out) {
    products++;
    out.assign(Nd4j.createFromArray(times(v.toDoubleVector())));
  }

  static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
