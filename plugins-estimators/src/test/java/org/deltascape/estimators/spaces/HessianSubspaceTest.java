package org.deltascape.estimators.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Directions;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.api.contract.KnownSpectrum;
import org.deltascape.api.contract.SubspaceContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HessianSubspaceTest extends SubspaceContract {

  /** 60 eigenvalues: 9, 8, …, then a bulk down to −10 (more negative than λ_1 is positive). */
  private static double[] spectrum() {
    double[] values = new double[60];
    for (int j = 0; j < values.length; j++) {
      values[j] = j < 6 ? 9.0 - j : 2.0 - 12.0 * (j - 6) / 53.0;
    }
    return values;
  }

  @Override
  protected Subspace subspace() {
    return new HessianSubspace();
  }

  @Override
  protected Settings settings(int dim) {
    return Settings.of("space hessian", Map.of("dim", dim));
  }

  @Override
  protected SubspaceContext context() {
    return new MatrixSubspaceContext(
        new KnownSpectrum(spectrum(), 21), new RandomKey(1, "directions/hessian", 0));
  }

  @Test
  void ggnAndPrefixHessiansAreTheOperatorsAskedFor() {
    KnownSpectrum ggn = new KnownSpectrum(new double[] {5, 4, 3, 2, 1, 0.5, 0, 0}, 2);
    KnownSpectrum prefix = new KnownSpectrum(new double[] {7, 6, 1, 0, -1, -2, -3, -8}, 3);
    MatrixSubspaceContext context =
        new MatrixSubspaceContext(new KnownSpectrum(new double[8], 1), new RandomKey(1, "h", 0))
            .withGaussNewton(ggn)
            .withPrefixHessian(k -> prefix);
    Directions fromGgn =
        subspace().directions(Settings.of("s", Map.of("dim", 2, "operator", "ggn")), context);
    assertThat(fromGgn.spectrum().values()).containsExactly(new double[] {5, 4}, within(1e-9));
    Directions fromPrefix =
        subspace().directions(Settings.of("s", Map.of("dim", 2, "examples", 64)), context);
    assertThat(fromPrefix.spectrum().values()).containsExactly(new double[] {7, 6}, within(1e-9));
  }

  @Test
  void aLayerRestrictedHessianSpaceHasEigenvectorsOfTheBlockZeroOutside() {
    // H = diag(block A on coordinates 0..5, −3 I elsewhere) in a two-tensor layout; restricted to
    // "first", the top eigenvectors are A's, zero on "second" even where A's eigenvalues fall
    // below H's outside.
    KnownSpectrum block = new KnownSpectrum(new double[] {-1, -2, -4, -5, -6, -7}, 4);
    SymmetricOperator hessian =
        new SymmetricOperator() {
          @Override
          public long dimension() {
            return 10;
          }

          @Override
          public void apply(INDArray v, INDArray out) {
            double[] x = v.toDoubleVector();
            double[] top = block.times(Arrays.copyOf(x, 6));
            double[] y = new double[10];
            System.arraycopy(top, 0, y, 0, 6);
            for (int i = 6; i < 10; i++) {
              y[i] = 3 * x[i];
            }
            out.assign(Nd4j.createFromArray(y));
          }
        };
    ParameterLayout layout =
        new ParameterLayout(
            List.of(
                new ParameterTensor("first", List.of(2, 3), 0, Role.WEIGHT, 1),
                new ParameterTensor("second", List.of(4), 6, Role.BIAS, -1)));
    SubspaceContext context =
        new MatrixSubspaceContext(hessian, new RandomKey(1, "h", 0))
            .withModel(layout, Nd4j.zeros(DataType.DOUBLE, 10));
    Directions directions =
        subspace().directions(
            Settings.of("s", Map.of("dim", 2, "layers", List.of("first"))), context);
    assertThat(directions.spectrum().values()).containsExactly(new double[] {-1, -2}, within(1e-9));
    double[][] rows = directions.basis().toDoubleMatrix();
    assertThat(rows).hasNumberOfRows(10);
    for (int i = 6; i < 10; i++) {
      assertThat(rows[i]).containsOnly(0.0);
    }
  }

  @Test
  void directionsAreTheTopEigenvectorsWithTheirSpectrum() {
    KnownSpectrum matrix = new KnownSpectrum(spectrum(), 21);
    SubspaceContext context =
        new MatrixSubspaceContext(matrix, new RandomKey(1, "directions/hessian", 0));
    Settings settings =
        Settings.of(
            "space hessian",
            Map.of("dim", 3, "backend", new PluginChoice("dense", Settings.empty("dense"))));
    Directions directions = subspace().directions(settings, context);
    assertThat(directions.orthonormal()).isTrue();
    assertThat(directions.spectrum().values())
        .containsExactly(new double[] {9, 8, 7}, within(1e-10));
    double[][] basis = directions.basis().toDoubleMatrix();
    for (int d = 0; d < 3; d++) {
      double[] expected = matrix.eigenvector(d);
      double cos = 0.0;
      for (int i = 0; i < expected.length; i++) {
        cos += basis[i][d] * expected[i];
      }
      assertThat(Math.abs(cos)).isCloseTo(1.0, within(1e-10));
    }
  }
}
