package org.deltascape.estimators.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.contract.KnownSpectrum;
import org.deltascape.api.contract.SubspaceContract;
import org.junit.jupiter.api.Test;

/** Issue 4, test 7 for filter-normalized directions; reference: w*'s own filter norms. */
class FilterNormalizedSubspaceTest extends SubspaceContract {
  static final double RELATIVE = 1e-12;

  @Override
  protected Subspace subspace() {
    return new FilterNormalizedSubspace();
  }

  @Override
  protected Settings settings(int dim) {
    return Settings.of("space filter-normalized", Map.of("dim", dim));
  }

  @Override
  protected SubspaceContext context() {
    return new MatrixSubspaceContext(
            new KnownSpectrum(new double[SmallNetwork.P], 0),
            new RandomKey(3, "directions/filter-normalized", 0))
        .withModel(SmallNetwork.layout(), SmallNetwork.weights());
  }

  @Override
  protected boolean nested() {
    return true;
  }

  private Directions directions(Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(extra);
    values.put("dim", 3);
    return subspace().directions(Settings.of("space filter-normalized", values), context());
  }

  @Test
  void everyFilterHasItsNormInWStarAndBiasesAreZeroByDefault() {
    Directions directions = directions(Map.of());
    assertThat(directions.orthonormal()).isFalse();
    double[] w = SmallNetwork.weights().toDoubleVector();
    double[][] rows = directions.basis().toDoubleMatrix();
    for (int d = 0; d < 3; d++) {
      double[] p = SmallNetwork.column(rows, d);
      for (ParameterTensor tensor : SmallNetwork.layout().tensors()) {
        int offset = (int) tensor.offset();
        if (tensor.role() == ParameterTensor.Role.BIAS) {
          assertThat(SmallNetwork.norm(p, offset, (int) tensor.size())).isZero();
          continue;
        }
        int size = (int) tensor.filterSize();
        for (int j = 0; j < tensor.filters(); j++) {
          double expected = SmallNetwork.norm(w, offset + j * size, size);
          assertThat(SmallNetwork.norm(p, offset + j * size, size))
              .as("direction %d, %s filter %d", d, tensor.name(), j)
              .isCloseTo(expected, within(RELATIVE * expected));
        }
      }
    }
  }

  @Test
  void scaledBiasesHaveTheBiasNormOfWStar() {
    double[] w = SmallNetwork.weights().toDoubleVector();
    double[][] rows = directions(Map.of("biases", "scaled")).basis().toDoubleMatrix();
    double[] p = SmallNetwork.column(rows, 1);
    for (int[] bias : new int[][] {{72, 4}, {100, 3}}) {
      double expected = SmallNetwork.norm(w, bias[0], bias[1]);
      assertThat(SmallNetwork.norm(p, bias[0], bias[1]))
          .isCloseTo(expected, within(RELATIVE * expected));
    }
  }

  @Test
  void aLayerRestrictedSpaceIsZeroOutsideItsLayersAndNormalisedInside() {
    double[] w = SmallNetwork.weights().toDoubleVector();
    double[][] rows = directions(Map.of("layers", List.of("fc.weight"))).basis().toDoubleMatrix();
    for (int d = 0; d < 3; d++) {
      double[] p = SmallNetwork.column(rows, d);
      for (int i = 0; i < SmallNetwork.P; i++) {
        if (i < 76 || i >= 100) {
          assertThat(p[i]).as("p_%d[%d]", d, i).isZero();
        }
      }
      for (int j = 0; j < 3; j++) {
        double expected = SmallNetwork.norm(w, 76 + 8 * j, 8);
        assertThat(SmallNetwork.norm(p, 76 + 8 * j, 8))
            .isCloseTo(expected, within(RELATIVE * expected));
      }
    }
  }

  @Test
  void anUnknownLayerIsRefusedListingTheTensorsAndTheClosest() {
    assertThatThrownBy(() -> directions(Map.of("layers", List.of("fc.weigth"))))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: space filter-normalized: layers = [fc.weigth]: the model has no tensor"
                + " fc.weigth; its tensors are conv.weight, conv.bias, fc.weight, fc.bias. Did you"
                + " mean fc.weight?");
  }
}
