package org.deltascape.estimators.curvature;

/**
 * The full eigendecomposition of a real symmetric matrix, in float64: Householder reduction to
 * tridiagonal form followed by the implicit QL algorithm with Wilkinson-type shifts (the EISPACK
 * routines {@code tred2} and {@code tql2}: Martin, Reinsch and Wilkinson 1968; Bowdler, Martin,
 * Reinsch and Wilkinson 1968; as written out in the public-domain JAMA package).
 *
 * <p>Used on the Lanczos tridiagonal matrix T_m (tridiagonal entry point, no reduction) and on the
 * small full Hessians of the {@code dense} backend. Pure Java, so the result is the same bit for
 * bit on every machine with the same JDK.
 *
 * @param values the eigenvalues in ascending order
 * @param vectors {@code vectors[j]} is the unit eigenvector of {@code values[j]} (one row per
 *     eigenvector)
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  private static final double EPS = Math.ulp(1.0);
  private static final int MAX_SWEEPS_PER_VALUE = 64;

  /**
   * The eigenpairs of the symmetric tridiagonal matrix with diagonal {@code diagonal} and
   * off-diagonal {@code offDiagonal} ({@code offDiagonal[i]} couples i and i + 1).
   */
  public static SymmetricEigen ofTridiagonal(double[] diagonal, double[] offDiagonal) {
    int n = diagonal.length;
    if (offDiagonal.length < n - 1) {
      throw new IllegalArgumentException("need " + (n - 1) + " off-diagonal entries");
    }
    double[] d = diagonal.clone();
    double[] e = new double[n];
    for (int i = 1; i < n; i++) {
      e[i] = offDiagonal[i - 1];
    }
    double[][] z = new double[n][n];
    for (int i = 0; i < n; i++) {
      z[i][i] = 1.0;
    }
    ql(d, e, z);
    return new SymmetricEigen(d, z);
  }

  /**
   * The eigenpairs of the symmetric matrix {@code a} (only its lower triangle is read; {@code a}
   * is not modified).
   */
  public static SymmetricEigen of(double[][] a) {
    double[][] v = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      v[i] = a[i].clone();
    }
    return ofOverwriting(v);
  }

  /** As {@link #of}, but using {@code a} as workspace (it is overwritten) to save n² doubles. */
  static SymmetricEigen ofOverwriting(double[][] a) {
    int n = a.length;
    double[] d = new double[n];
    double[] e = new double[n];
    householder(a, d, e);
    transposeInPlace(a);
    ql(d, e, a);
    return new SymmetricEigen(d, a);
  }

  // tred2: on return v holds the orthogonal transformation (columns), d the diagonal and e the
  // subdiagonal of the tridiagonal matrix in e[1..n-1].
  private static void householder(double[][] v, double[] d, double[] e) {
    int n = v.length;
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0.0;
      double h = 0.0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0.0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = v[i - 1][j];
          v[i][j] = 0.0;
          v[j][i] = 0.0;
        }
      } else {
        for (int k = 0; k < i; k++) {
          d[k] /= scale;
          h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = Math.sqrt(h);
        if (f > 0) {
          g = -g;
        }
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
          e[j] = 0.0;
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          v[j][i] = f;
          g = e[j] + v[j][j] * f;
          for (int k = j + 1; k <= i - 1; k++) {
            g += v[k][j] * d[k];
            e[k] += v[k][j] * f;
          }
          e[j] = g;
        }
        f = 0.0;
        for (int j = 0; j < i; j++) {
          e[j] /= h;
          f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
          e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          g = e[j];
          for (int k = j; k <= i - 1; k++) {
            v[k][j] -= f * e[k] + g * d[k];
          }
          d[j] = v[i - 1][j];
          v[i][j] = 0.0;
        }
      }
      d[i] = h;
    }
    for (int i = 0; i < n - 1; i++) {
      v[n - 1][i] = v[i][i];
      v[i][i] = 1.0;
      double h = d[i + 1];
      if (h != 0.0) {
        for (int k = 0; k <= i; k++) {
          d[k] = v[k][i + 1] / h;
        }
        for (int j = 0; j <= i; j++) {
          double g = 0.0;
          for (int k = 0; k <= i; k++) {
            g += v[k][i + 1] * v[k][j];
          }
          for (int k = 0; k <= i; k++) {
            v[k][j] -= g * d[k];
          }
        }
      }
      for (int k = 0; k <= i; k++) {
        v[k][i + 1] = 0.0;
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
      v[n - 1][j] = 0.0;
    }
    v[n - 1][n - 1] = 1.0;
    e[0] = 0.0;
  }

  // tql2, with the accumulated transformation stored by rows (z[j] is the j-th column of the
  // transformation) so that each plane rotation touches two contiguous rows.
  private static void ql(double[] d, double[] e, double[][] z) {
    int n = d.length;
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    if (n > 0) {
      e[n - 1] = 0.0;
    }
    double f = 0.0;
    double tst1 = 0.0;
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
        m++;
      }
      if (m > l) {
        int sweeps = 0;
        do {
          if (++sweeps > MAX_SWEEPS_PER_VALUE) {
            throw new ArithmeticException("implicit QL did not converge for eigenvalue " + l);
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2.0 * e[l]);
          double r = Math.hypot(p, 1.0);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1.0;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0.0;
          double s2 = 0.0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = Math.hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            double[] zi = z[i];
            double[] zi1 = z[i + 1];
            for (int k = 0; k < zi.length; k++) {
              h = zi1[k];
              zi1[k] = s * zi[k] + c * h;
              zi[k] = c * zi[k] - s * h;
            }
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]) > EPS * tst1);
      }
      d[l] += f;
      e[l] = 0.0;
    }
    for (int i = 0; i < n - 1; i++) {
      int k = i;
      double p = d[i];
      for (int j = i + 1; j < n; j++) {
        if (d[j] < p) {
          k = j;
          p = d[j];
        }
      }
      if (k != i) {
        d[k] = d[i];
        d[i] = p;
        double[] row = z[i];
        z[i] = z[k];
        z[k] = row;
      }
    }
  }

  private static void transposeInPlace(double[][] a) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < i; j++) {
        double t = a[i][j];
        a[i][j] = a[j][i];
        a[j][i] = t;
      }
    }
  }
}
