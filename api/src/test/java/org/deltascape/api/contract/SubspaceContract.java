package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.Plugin;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks every {@link Subspace} must pass. A space's test extends this class and supplies the
 * space, its settings for a given D, a context (a test double is enough: the contract never calls
 * {@code model()} or {@code data()} itself) and its capabilities.
 */
public abstract class SubspaceContract extends PluginContract {

  /** The space under test. */
  protected abstract Subspace subspace();

  /** Its settings with {@code dim = dim}. */
  protected abstract Settings settings(int dim);

  /** A fresh context; its {@code weights()} has P entries, P well above {@link #dimension()}. */
  protected abstract SubspaceContext context();

  /** D for these tests; 4 unless overridden. */
  protected int dimension() {
    return 4;
  }

  /** Whether the space of D + 1 directions starts with the space of D directions, bit for bit. */
  protected boolean nested() {
    return false;
  }

  @Override
  protected Plugin plugin() {
    return subspace();
  }

  @Test
  void declaresTheDimKey() {
    assertThat(subspace().configKeys()).anyMatch(key -> key.name().equals("dim"));
  }

  @Test
  void givesPTimesDFiniteDirectionsOrthonormalWhenItSaysSo() {
    SubspaceContext context = context();
    Directions directions = subspace().directions(settings(dimension()), context);
    INDArray basis = directions.basis();
    assertThat(basis.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(basis.shape()).containsExactly(context.weights().length(), dimension());
    assertThat(directions.dimension()).isEqualTo(dimension());
    double[][] gram = basis.transpose().mmul(basis).toDoubleMatrix();
    for (int d = 0; d < dimension(); d++) {
      assertThat(gram[d][d]).as("‖p_%d‖²", d + 1).isPositive().isFinite();
      if (directions.orthonormal()) {
        for (int e = 0; e < dimension(); e++) {
          assertThat(gram[d][e]).as("p_%d · p_%d", d + 1, e + 1)
              .isCloseTo(d == e ? 1.0 : 0.0, within(1e-10));
        }
      }
    }
    if (directions.spectrum() != null) {
      assertThat(directions.spectrum().count()).isEqualTo(dimension());
    }
  }

  @Test
  void theSameContextGivesTheSameDirections() {
    INDArray first = subspace().directions(settings(dimension()), context()).basis();
    INDArray second = subspace().directions(settings(dimension()), context()).basis();
    assertThat(second.toDoubleMatrix()).isEqualTo(first.toDoubleMatrix());
  }

  @Test
  void refusesMoreDirectionsThanParametersNamingBoth() {
    SubspaceContext context = context();
    long parameters = context.weights().length();
    int tooMany = (int) parameters + 1;
    assertThatThrownBy(() -> subspace().directions(settings(tooMany), context))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageContaining(Long.toString(tooMany))
        .hasMessageContaining(Long.toString(parameters));
  }

  @Test
  void growingDIsNestedWhenDeclared() {
    if (!nested()) {
      return;
    }
    double[][] small = subspace().directions(settings(dimension()), context()).basis()
        .toDoubleMatrix();
    double[][] large = subspace().directions(settings(dimension() + 1), context()).basis()
        .toDoubleMatrix();
    for (int i = 0; i < small.length; i++) {
      for (int d = 0; d < dimension(); d++) {
        assertThat(large[i][d]).isEqualTo(small[i][d]);
      }
    }
  }
}
