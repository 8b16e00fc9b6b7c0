package org.deltascape.estimators.curvature;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An orthonormal basis q_1 … q_m of R^n grown one vector at a time, with the Gram–Schmidt
 * projections Lanczos with full reorthogonalisation needs. Vectors are plain {@code double[]}.
 * Not thread-safe.
 */
final class KrylovBasis {
  private final int dimension;
  private final List<double[]> vectors = new ArrayList<>();

  KrylovBasis(int dimension) {
    this.dimension = dimension;
  }

  /** m, the number of vectors. */
  int size() {
    return vectors.size();
  }

  /** q_j (0-based); do not modify. */
  double[] get(int j) {
    return vectors.get(j);
  }

  /** Appends a unit vector orthogonal to the others. */
  void add(double[] unit) {
    vectors.add(unit);
  }

  /**
   * Removes from {@code w} its components along every basis vector, by classical Gram–Schmidt
   * applied twice ("twice is enough": Giraud, Langou and Rozložník 2005), in place.
   */
  void orthogonalise(double[] w) {
    int m = vectors.size();
    double[] coefficients = new double[m];
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < m; j++) {
        coefficients[j] = dot(vectors.get(j), w);
      }
      for (int j = 0; j < m; j++) {
        axpy(-coefficients[j], vectors.get(j), w);
      }
    }
  }

  /**
   * A unit vector orthogonal to the basis, Gaussian before orthogonalisation, drawn from {@code
   * random}; redrawn in the (probability-zero) case that it lies in the span.
   *
   * @throws IllegalStateException when the basis already spans R^n
   */
  double[] freshUnitVector(RandomGenerator random) {
    if (vectors.size() >= dimension) {
      throw new IllegalStateException("the basis spans R^" + dimension);
    }
    for (int attempt = 0; attempt < 16; attempt++) {
      double[] w = new double[dimension];
      for (int i = 0; i < dimension; i++) {
        w[i] = random.nextGaussian();
      }
      double before = norm(w);
      orthogonalise(w);
      double after = norm(w);
      if (after > 1e-8 * before) {
        scale(1.0 / after, w);
        return w;
      }
    }
    throw new IllegalStateException("no vector orthogonal to the basis found");
  }

  /** {@code Σ_j coefficients[j] q_j}, over the first {@code coefficients.length} vectors. */
  double[] combine(double[] coefficients) {
    double[] v = new double[dimension];
    for (int j = 0; j < coefficients.length; j++) {
      axpy(coefficients[j], vectors.get(j), v);
    }
    return v;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** {@code y += alpha x}. */
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** {@code x *= alpha}. */
  static void scale(double alpha, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= alpha;
    }
  }
}
