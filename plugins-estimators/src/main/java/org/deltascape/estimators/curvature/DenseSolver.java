package org.deltascape.estimators.curvature;

import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;

/**
 * The dense method: column j of A is the product {@code A e_j}; the matrix is symmetrised as
 * {@code (A + Aᵀ)/2} and decomposed by {@link SymmetricEigen}. Residuals are measured against the
 * unsymmetrised columns, i.e. against the operator itself, without further products; they show how
 * symmetric the products were. A direct method: {@code converged} is always true. Immutable and
 * thread-safe; the key is not used (the method draws nothing).
 */
final class DenseSolver implements EigenSolver {
  private final int maxDimension;

  DenseSolver(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress) {
    long n = operator.dimension();
    TopEigenpairs.requireCount(count, n);
    if (n > maxDimension) {
      throw new DeltascapeException(
          "the dense backend forms the full " + n + " × " + n + " Hessian, but max-dimension is "
              + maxDimension,
          "curvature backend dense",
          "Use backend lanczos for a model of " + n + " parameters, or raise max-dimension (it"
              + " needs " + Math.max(1, 16 * n * n >> 20) + " MiB and O(n³) time)");
    }
    int size = (int) n;
    double[][] columns = new double[size][];
    try (Progress.Task task = progress.start("dense Hessian", size, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      double[] unit = new double[size];
      for (int j = 0; j < size; j++) {
        unit[j] = 1.0;
        columns[j] = products.apply(unit);
        unit[j] = 0.0;
      }
    }
    double[][] symmetric = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j <= i; j++) {
        double value = 0.5 * (columns[j][i] + columns[i][j]);
        symmetric[i][j] = value;
        symmetric[j][i] = value;
      }
    }
    SymmetricEigen eigen = SymmetricEigen.ofOverwriting(symmetric);
    double[] values = new double[count];
    double[][] vectors = new double[count][];
    for (int d = 0; d < count; d++) {
      values[d] = eigen.values()[size - 1 - d];
      vectors[d] = eigen.vectors()[size - 1 - d].clone();
    }
    return TopEigenpairs.assemble(
        values, vectors, v -> times(columns, v), Double.POSITIVE_INFINITY);
  }

  private static double[] times(double[][] columns, double[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      KrylovBasis.axpy(v[j], columns[j], out);
    }
    return out;
  }
}
