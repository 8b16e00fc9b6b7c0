package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.api.contract.CurvatureBackendContract;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LanczosBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new LanczosBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.empty("backend lanczos");
  }

  @Override
  protected boolean usesWarmStarts() {
    return true;
  }

  /** 600 eigenvalues: 20 … 11 well separated, then a bulk in [−15, 5]. */
  private static double[] separated() {
    double[] values = new double[600];
    for (int j = 0; j < values.length; j++) {
      values[j] = j < 10 ? 20.0 - j : 5.0 - 20.0 * (j - 10) / 589.0;
    }
    return values;
  }

  @Test
  void stopsLongBeforeTheDimensionOnASeparatedSpectrum() {
    KnownSpectrum matrix = new KnownSpectrum(separated(), 31);
    Eigenpairs pairs =
        backend().create(settings())
            .topEigenpairs(matrix, 10, new RandomKey(1, "start", 0), Progress.silent());
    assertThat(pairs.converged()).isTrue();
    for (int d = 0; d < 10; d++) {
      assertThat(pairs.values()[d]).isCloseTo(20.0 - d, within(1e-8 * (20 - d)));
      assertThat(pairs.residuals()[d]).isLessThan(1e-9);
    }
    // Krylov steps plus one measuring product per pair (58 when written), far below n = 600.
    assertThat(matrix.products()).isLessThan(150);
  }

  @Test
  void aBudgetTooSmallFailsNamingTheKeysUnlessAllowedToGoOn() {
    KnownSpectrum matrix = new KnownSpectrum(separated(), 31);
    Settings tight = Settings.of("backend lanczos", Map.of("max-products", 30));
    assertThatThrownBy(
            () ->
                backend().create(tight)
                    .topEigenpairs(matrix, 10, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageStartingWith(
            "curvature backend lanczos: lanczos did not reach tolerance 1.00e-09 after 20 Krylov"
                + " steps (max-products 30): the largest relative residual is ")
        .hasMessageContaining("Raise max-products")
        .hasMessageContaining("allow-unconverged: true");

    Settings allowed =
        Settings.of("backend lanczos", Map.of("max-products", 30, "allow-unconverged", true));
    Eigenpairs pairs =
        backend().create(allowed)
            .topEigenpairs(matrix, 10, new RandomKey(1, "start", 0), Progress.silent());
    assertThat(pairs.converged()).isFalse();
    assertThat(pairs.values()[0]).isCloseTo(20.0, within(1e-3));
  }

  @Test
  void aBudgetBelowTwiceTheCountIsRefusedUpFront() {
    KnownSpectrum matrix = new KnownSpectrum(separated(), 31);
    Settings tiny = Settings.of("backend lanczos", Map.of("max-products", 15));
    assertThatThrownBy(
            () ->
                backend().create(tiny)
                    .topEigenpairs(matrix, 10, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "curvature backend lanczos: lanczos needs at least 20 Hessian-vector products for 10"
                + " eigenpairs, but max-products is 15. Raise max-products to at least 20.");
    assertThat(matrix.products()).isZero();
  }

  @Test
  void anOutOfRangeToleranceNamesKeyValueAndRange() {
    Settings bad =
        new Settings("backend lanczos", Map.of("tolerance", -1.0), Map.of("tolerance", "x.yaml:3"));
    assertThatThrownBy(() -> backend().create(bad))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "x.yaml:3: backend lanczos: tolerance = -1.0: out of range, expected > 0. Use a value"
                + " > 0.");
  }

  @Test
  void agreesWithTheDenseBackendOnARandomSymmetricMatrix() {
    int n = 200;
    SplittableRandom random = new SplittableRandom(17);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = a[j][i] = random.nextGaussian();
      }
    }
    SymmetricOperator operator =
        new SymmetricOperator() {
          @Override
          public long dimension() {
            return n;
          }

          @Override
          public void apply(INDArray v, INDArray out) {
            double[] x = v.toDoubleVector();
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
              y[i] = KrylovBasis.dot(a[i], x);
            }
            out.assign(Nd4j.createFromArray(y));
          }
        };
    RandomKey key = new RandomKey(1, "start", 0);
    Eigenpairs lanczos =
        backend().create(settings()).topEigenpairs(operator, 5, key, Progress.silent());
    Eigenpairs dense =
        new DenseBackend()
            .create(Settings.empty("dense"))
            .topEigenpairs(operator, 5, key, Progress.silent());
    for (int d = 0; d < 5; d++) {
      assertThat(lanczos.values()[d])
          .isCloseTo(dense.values()[d], within(1e-8 * Math.abs(dense.values()[d])));
    }
  }

  @Test
  void theZeroOperatorGivesZeroPairs() {
    KnownSpectrum zero = new KnownSpectrum(new double[12], 5);
    Eigenpairs pairs =
        backend().create(settings())
            .topEigenpairs(zero, 3, new RandomKey(1, "start", 0), Progress.silent());
    assertThat(pairs.values()).containsExactly(0.0, 0.0, 0.0);
    assertThat(pairs.converged()).isTrue();
  }
}
