package org.deltascape.estimators.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.contract.KnownSpectrum;
import org.deltascape.api.contract.SubspaceContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reference: a trajectory w* + Σ_d c_{e,d} a_d built from three known orthogonal directions a_d
 * in {@code fc.weight} with spreads 10(7 − e), ±1 and about 0.5, whose leading principal
 * direction about w* is a_0 (to about 3e-3, the cross term over the spread).
 */
class TrajectoryPcaSubspaceTest extends SubspaceContract {

  /** Eight snapshots of the 103-parameter network, the last equal to w*. */
  static List<INDArray> trajectory() {
    double[] w = SmallNetwork.weights().toDoubleVector();
    List<INDArray> snapshots = new ArrayList<>();
    RandomGenerator random = new RandomKey(9, "test/trajectory", 0).generator();
    for (int e = 0; e < 8; e++) {
      double[] s = w.clone();
      if (e < 7) {
        for (int d = 0; d < 3; d++) {
          double c = switch (d) {
            case 0 -> 10.0 * (7 - e);
            case 1 -> e % 2 == 0 ? 1.0 : -1.0;
            default -> 0.5 * (e % 3 - 1) + 0.1 * random.nextGaussian();
          };
          for (int i = 0; i < 8; i++) {
            s[76 + 8 * d + i] += c * (d == 0 ? 1 : -1) / Math.sqrt(8);
          }
        }
        s[0] += 0.01 * random.nextGaussian();
      }
      snapshots.add(Nd4j.createFromArray(s));
    }
    return snapshots;
  }

  @Override
  protected Subspace subspace() {
    return new TrajectoryPcaSubspace();
  }

  @Override
  protected Settings settings(int dim) {
    return Settings.of("space trajectory-pca", Map.of("dim", dim));
  }

  @Override
  protected SubspaceContext context() {
    return new MatrixSubspaceContext(
            new KnownSpectrum(new double[SmallNetwork.P], 0),
            new RandomKey(3, "directions/trajectory-pca", 0))
        .withModel(SmallNetwork.layout(), SmallNetwork.weights())
        .withTrajectory(trajectory());
  }

  @Test
  void declaresThatItNeedsTheTrajectory() {
    assertThat(subspace().needsTrajectory(settings(2))).isTrue();
  }

  @Test
  void theLeadingDirectionIsTheDominantDeviationFromWStar() {
    Directions directions = subspace().directions(settings(2), context());
    assertThat(directions.orthonormal()).isTrue();
    double[] first = SmallNetwork.column(directions.basis().toDoubleMatrix(), 0);
    double along = 0.0;
    for (int i = 0; i < 8; i++) {
      along += first[76 + i] / Math.sqrt(8);
    }
    assertThat(Math.abs(along)).isCloseTo(1.0, within(1e-2));
  }

  @Test
  void moreDirectionsThanSnapshotsAreRefusedNamingBoth() {
    assertThatThrownBy(() -> subspace().directions(settings(8), context()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: space trajectory-pca: dim = 8: space test-space asks for 8 directions but the"
                + " trajectory has only 7 snapshots that differ from w* (of 8). Use dim <= 7, or"
                + " train for more epochs.");
  }

  @Test
  void aLoadedWStarWithoutTrajectoryIsRefused() {
    SubspaceContext bare =
        new MatrixSubspaceContext(
                new KnownSpectrum(new double[SmallNetwork.P], 0), new RandomKey(3, "x", 0))
            .withModel(SmallNetwork.layout(), SmallNetwork.weights());
    assertThatThrownBy(() -> subspace().directions(settings(2), bare))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "space test-space: space test-space (trajectory-pca) needs the parameter snapshots"
                + " taken during training, but there are none: w* was loaded rather than trained"
                + " in this run. Train the model in this run, or use another space.");
  }

  @Test
  void aLayerRestrictedSpaceIsZeroOutsideItsLayers() {
    Settings settings =
        Settings.of("space trajectory-pca", Map.of("dim", 2, "layers", List.of("fc.weight")));
    double[][] rows = subspace().directions(settings, context()).basis().toDoubleMatrix();
    for (int d = 0; d < 2; d++) {
      for (int i = 0; i < SmallNetwork.P; i++) {
        if (i < 76 || i >= 100) {
          assertThat(rows[i][d]).as("p_%d[%d]", d, i).isZero();
        }
      }
    }
  }
}
