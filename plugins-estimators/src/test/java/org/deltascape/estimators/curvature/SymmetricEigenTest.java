package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference: the defining identities A v = λ v and VᵀV = I, and a closed-form spectrum. */
class SymmetricEigenTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void theSecondDifferenceMatrixHasItsClosedFormSpectrum() {
    // tridiag(-1, 2, -1) of size n: λ_j = 2 − 2 cos(jπ/(n+1)), j = 1 … n.
    int n = 50;
    double[] diagonal = new double[n];
    double[] off = new double[n - 1];
    Arrays.fill(diagonal, 2.0);
    Arrays.fill(off, -1.0);
    SymmetricEigen eigen = SymmetricEigen.ofTridiagonal(diagonal, off);
    for (int j = 1; j <= n; j++) {
      assertThat(eigen.values()[j - 1])
          .isCloseTo(2 - 2 * Math.cos(j * Math.PI / (n + 1)), within(TOLERANCE));
    }
  }

  @Test
  void aRandomSymmetricMatrixIsDiagonalised() {
    int n = 40;
    SplittableRandom random = new SplittableRandom(3);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = a[j][i] = random.nextDouble(-1, 1);
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(a);
    double[] values = eigen.values();
    double[][] vectors = eigen.vectors();
    for (int d = 0; d < n; d++) {
      if (d > 0) {
        assertThat(values[d]).isGreaterThanOrEqualTo(values[d - 1]);
      }
      for (int i = 0; i < n; i++) {
        double av = 0.0;
        for (int j = 0; j < n; j++) {
          av += a[i][j] * vectors[d][j];
        }
        assertThat(av).isCloseTo(values[d] * vectors[d][i], within(TOLERANCE * n));
      }
      for (int e = 0; e <= d; e++) {
        assertThat(KrylovBasis.dot(vectors[d], vectors[e]))
            .isCloseTo(d == e ? 1.0 : 0.0, within(TOLERANCE * n));
      }
    }
  }
}
