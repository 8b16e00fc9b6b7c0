package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Landscapes of a quadratic loss l_i(w) = ½‖w − x_i‖², whose mean over the first k examples of
 * an order is known in closed form: L_k(w) = ½ mean_{i≤k} ‖w − x_i‖².
 */
class LandscapesTest {

  /** Sums of a few products of doubles: rounding only. */
  private static final double TOLERANCE = 1e-12;

  private static final double[][] X = {{1, 0, 2}, {-1, 3, 0}, {0.5, -2, 1}, {2, 1, -1}, {0, 0, 0}};
  private static final int[] ORDER = {3, 1, 4, 0, 2};

  @TempDir Path dir;

  @Test
  void surfaceAndProfilesMatchTheClosedForm() {
    double[] centre = {0.25, -0.5, 1.0};
    INDArray weights = Nd4j.createFromArray(centre);
    double s = Math.sqrt(0.5);
    // e_1 = (1, 1, 0)/√2, e_2 = (0, 0, 1), e_3 = (1, −1, 0)/√2
    INDArray basis = Nd4j.createFromArray(new double[][] {{s, 0, s}, {s, 0, -s}, {0, 1, 0}});
    Landscapes.Landscape landscape = Landscapes.compute(new Quadratic(), weights, basis,
        new Batch(Nd4j.createFromArray(X), Nd4j.zeros(DataType.DOUBLE, X.length, 1)), ORDER, new int[] {5, 1, 2}, 2.0, 5);
    assertThat(landscape.ks()).containsExactly(1, 2, 5);
    assertThat(landscape.t()).containsExactly(-2.0, -1.0, 0.0, 1.0, 2.0);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          double[] w = move(move(centre, column(basis, 0), landscape.t()[i]), column(basis, 1), landscape.t()[j]);
          assertThat(landscape.surface()[k][i][j]).isCloseTo(meanLoss(w, landscape.ks()[k]), within(TOLERANCE));
        }
        for (int d = 0; d < 3; d++) {
          double[] w = move(centre, column(basis, d), landscape.t()[i]);
          assertThat(landscape.profiles()[k][d][i]).isCloseTo(meanLoss(w, landscape.ks()[k]), within(TOLERANCE));
        }
      }
    }
  }

  @Test
  void writtenFilesReadBackThroughTheRunFolder() {
    INDArray basis = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0, 0}});
    Landscapes.Landscape landscape = Landscapes.compute(new Quadratic(), Nd4j.zeros(DataType.DOUBLE, 3), basis,
        new Batch(Nd4j.createFromArray(X), Nd4j.zeros(DataType.DOUBLE, X.length, 1)), ORDER, new int[] {1, 5},
        1.0, Landscapes.DEFAULT_GRID);
    Path folder = ReportFixture.write(dir.resolve("run"));
    Landscapes.write(folder, "hessian", landscape);
    RunFolder run = RunFolder.read(folder);
    assertThat(run.surfaces().get("hessian")).hasSize(2 * 21 * 21);
    assertThat(run.profiles().get("hessian")).hasSize(2 * 2 * 21);
    RunRows.Surface corner = run.surfaces().get("hessian").get(0);
    assertThat(corner).isEqualTo(new RunRows.Surface(1, -1.0, -1.0, landscape.surface()[0][0][0]));
    assertThat(run.surfaces().get("hessian").get(21 * 21 + 20 * 21 + 10))
        .isEqualTo(new RunRows.Surface(5, 1.0, 0.0, meanLoss(new double[] {1, 0, 0}, 5)));
  }

  @Test
  void aKBeyondTheDataIsRefused() {
    INDArray basis = Nd4j.createFromArray(new double[][] {{1}, {0}, {0}});
    Batch data = new Batch(Nd4j.createFromArray(X), Nd4j.zeros(DataType.DOUBLE, X.length, 1));
    assertThatThrownBy(() -> Landscapes.compute(new Quadratic(), Nd4j.zeros(DataType.DOUBLE, 3), basis, data, ORDER,
        new int[] {1, 6}, 1.0, 21)).hasMessage("landscape.k: landscape k = 6 is outside 1..5 (the examples of the"
            + " data order). Fix the landscape settings of the config.");
    assertThatThrownBy(() -> Landscapes.compute(new Quadratic(), Nd4j.zeros(DataType.DOUBLE, 3), basis, data, ORDER,
        new int[] {1}, 1.0, 1)).hasMessage("landscape.grid: the landscape grid needs at least 2 points per axis,"
            + " got 1. Fix the landscape settings of the config.");
  }

  private static double meanLoss(double[] w, int k) {
    double sum = 0;
    for (int position = 0; position < k; position++) {
      double[] x = X[ORDER[position]];
      for (int j = 0; j < w.length; j++) {
        sum += 0.5 * (w[j] - x[j]) * (w[j] - x[j]);
      }
    }
    return sum / k;
  }

  private static double[] column(INDArray basis, int d) {
    return basis.getColumn(d).dup().data().asDouble();
  }

  private static double[] move(double[] w, double[] direction, double t) {
    double[] moved = w.clone();
    for (int j = 0; j < w.length; j++) {
      moved[j] += t * direction[j];
    }
    return moved;
  }

  /** l_i(w) = ½‖w − x_i‖², the features being x_i; only what the landscapes use is implemented. */
  private static final class Quadratic implements Model {
    @Override
    public ParameterLayout layout() {
      return new ParameterLayout(List.of(new ParameterTensor("w", List.of(3), 0, ParameterTensor.Role.BIAS, -1)));
    }

    @Override
    public DataType dataType() {
      return DataType.DOUBLE;
    }

    @Override
    public INDArray initialWeights(RandomKey key) {
      return Nd4j.zeros(DataType.DOUBLE, 3);
    }

    @Override
    public void losses(INDArray w, Batch batch, INDArray out) {
      INDArray diff = batch.features().subRowVector(w);
      out.assign(diff.mul(diff).sum(1).muli(0.5));
    }

    @Override
    public double lossAndGradient(INDArray w, Batch batch, INDArray gradient) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void hessianVectorProduct(INDArray w, Batch batch, INDArray v, INDArray out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void predict(INDArray w, Batch batch, INDArray out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SubspaceModel restrict(INDArray w0, INDArray basis) {
      Model model = this;
      return new SubspaceModel() {
        @Override
        public int dimension() {
          return basis.columns();
        }

        @Override
        public void losses(INDArray thetas, Batch batch, INDArray out) {
          for (int s = 0; s < thetas.rows(); s++) {
            INDArray w = w0.add(basis.mmul(thetas.getRow(s).reshape(basis.columns(), 1)).reshape(w0.length()));
            INDArray row = Nd4j.zeros(DataType.DOUBLE, batch.size());
            model.losses(w, batch, row);
            out.getRow(s).assign(row);
          }
        }

        @Override
        public void derivatives(Batch batch, INDArray values, INDArray gradients, INDArray hessians) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
