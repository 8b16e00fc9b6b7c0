package org.deltascape.estimators.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deltascape.api.Directions;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.contract.KnownSpectrum;
import org.deltascape.api.contract.SubspaceContract;
import org.junit.jupiter.api.Test;

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
