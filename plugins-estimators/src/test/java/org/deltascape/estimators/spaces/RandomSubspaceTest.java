package org.deltascape.estimators.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.contract.KnownSpectrum;
import org.deltascape.api.contract.SubspaceContract;
import org.junit.jupiter.api.Test;

class RandomSubspaceTest extends SubspaceContract {

  @Override
  protected Subspace subspace() {
    return new RandomSubspace();
  }

  @Override
  protected Settings settings(int dim) {
    return Settings.of("space random", Map.of("dim", dim));
  }

  @Override
  protected SubspaceContext context() {
    return new MatrixSubspaceContext(
        new KnownSpectrum(new double[50], 0), new RandomKey(2, "directions/random", 0));
  }

  @Override
  protected boolean nested() {
    return true;
  }

  @Test
  void theMessageForTooManyDirectionsIsPinned() {
    assertThatThrownBy(() -> subspace().directions(settings(51), context()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: space random: dim = 51: space test-space asks for 51 directions but the model"
                + " has only 50 parameters. Use dim <= 50.");
  }

  @Test
  void aDifferentKeyGivesDifferentDirections() {
    double[][] first = subspace().directions(settings(2), context()).basis().toDoubleMatrix();
    SubspaceContext other =
        new MatrixSubspaceContext(
            new KnownSpectrum(new double[50], 0), new RandomKey(3, "directions/random", 0));
    double[][] second = subspace().directions(settings(2), other).basis().toDoubleMatrix();
    assertThat(second[0][0]).isNotEqualTo(first[0][0]);
  }

  @Test
  void dimDefaultsToTen() {
    assertThat(subspace().directions(Settings.empty("space random"), context()).dimension())
        .isEqualTo(10);
  }
}
