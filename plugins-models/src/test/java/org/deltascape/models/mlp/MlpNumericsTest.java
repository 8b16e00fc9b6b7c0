package org.deltascape.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.ModelContract;
import org.deltascape.models.FullSpaceSubspaceModel;
import org.deltascape.models.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MLP beyond the shared contract: relu products, float32 against float64, and the subspace fast
 * paths (including their chunked forms) against {@link FullSpaceSubspaceModel}.
 */
class MlpNumericsTest {
  /** float32 against float64, relative and norm-wise: float32 rounding through a few layers. */
  static final double FLOAT_VS_DOUBLE = 1e-4;

  /** ReLU products against central differences with a step of {@value #RELU_STEP}. */
  static final double RELU_HVP_VS_FINITE_DIFFERENCES = 1e-6;

  /** Small enough that no relu changes side on this seeded problem (smooth loss in between). */
  static final double RELU_STEP = 1e-5;

  private static final long SEED = 31;

  @Test
  void reluProductsAreExactlyLinearAndSymmetric() {
    Model model = model(List.of(7, 6), Activation.RELU, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Batch batch = TestData.classification(SEED, 12, 5, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray u = gaussian(model.parameterCount(), 1);
    INDArray v = gaussian(model.parameterCount(), 2);
    INDArray hu = hvp(model, w, batch, u);
    INDArray hv = hvp(model, w, batch, v);
    INDArray combined = hvp(model, w, batch, u.mul(0.5).addi(v.mul(-2.0)));
    double scale = 0.5 * norm(hu) + 2.0 * norm(hv);
    assertThat(norm(combined.sub(hu.mul(0.5)).addi(hv.mul(2.0))) / scale)
        .isLessThanOrEqualTo(ModelContract.HVP_LINEARITY);
    double asymmetry = dot(u, hv) - dot(v, hu);
    assertThat(Math.abs(asymmetry) / (norm(u) * norm(hv) + norm(v) * norm(hu)))
        .isLessThanOrEqualTo(ModelContract.HVP_SYMMETRY);
    assertThat(norm(hv)).isPositive();
  }

  @Test
  void reluProductsMatchCentralDifferencesOfGradients() {
    Model model = model(List.of(7, 6), Activation.RELU, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Batch batch = TestData.classification(SEED, 12, 5, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray v = gaussian(model.parameterCount(), 3);
    v.divi(norm(v));
    INDArray numeric =
        gradient(model, w.add(v.mul(RELU_STEP)), batch)
            .subi(gradient(model, w.sub(v.mul(RELU_STEP)), batch))
            .divi(2 * RELU_STEP);
    assertThat(relative(hvp(model, w, batch, v), numeric))
        .isLessThanOrEqualTo(RELU_HVP_VS_FINITE_DIFFERENCES);
  }

  @Test
  void floatArithmeticAgreesWithDouble() {
    List<Integer> hidden = List.of(16, 8);
    Model exact = model(hidden, Activation.TANH, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Model fast = model(hidden, Activation.TANH, TargetKind.CLASSIFICATION, DataType.FLOAT);
    Batch doubles = TestData.classification(SEED, 20, 5, 3, DataType.DOUBLE);
    Batch floats = TestData.classification(SEED, 20, 5, 3, DataType.FLOAT);
    INDArray w = exact.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray v = gaussian(exact.parameterCount(), 4);
    assertThat(relative(losses(fast, w, floats), losses(exact, w, doubles)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
    assertThat(relative(gradient(fast, w, floats), gradient(exact, w, doubles)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
    assertThat(relative(hvp(fast, w, floats, v), hvp(exact, w, doubles, v)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
    INDArray basis = gaussian(exact.parameterCount() * 3, 5).reshape(exact.parameterCount(), 3);
    INDArray thetas = gaussian(12, 6).reshape(4, 3);
    SubspaceSnapshot fastSubspace = SubspaceSnapshot.of(fast.restrict(w, basis), floats, thetas);
    SubspaceSnapshot exactSubspace = SubspaceSnapshot.of(exact.restrict(w, basis), doubles, thetas);
    fastSubspace.assertCloseTo(exactSubspace, FLOAT_VS_DOUBLE, FLOAT_VS_DOUBLE);
  }

  @Test
  void subspaceFastPathsEqualTheFullSpaceReference() {
    record Case(List<Integer> hidden, Activation activation, TargetKind kind) {}
    List<Case> cases =
        List.of(
            new Case(List.of(7, 6), Activation.RELU, TargetKind.CLASSIFICATION),
            new Case(List.of(5, 4, 3), Activation.TANH, TargetKind.CLASSIFICATION),
            new Case(List.of(5), Activation.TANH, TargetKind.REGRESSION),
            new Case(List.of(), Activation.RELU, TargetKind.CLASSIFICATION));
    for (Case each : cases) {
      MlpModel model = model(each.hidden(), each.activation(), each.kind(), DataType.DOUBLE);
      Batch batch =
          each.kind() == TargetKind.CLASSIFICATION
              ? TestData.classification(SEED, 10, 5, 3, DataType.DOUBLE)
              : TestData.regression(SEED, 10, 5, 3, DataType.DOUBLE);
      INDArray w = model.initialWeights(new RandomKey(SEED, "w", 1));
      INDArray basis = gaussian(model.parameterCount() * 4, 7).reshape(model.parameterCount(), 4);
      INDArray thetas = gaussian(28, 8).reshape(7, 4);
      SubspaceSnapshot reference =
          SubspaceSnapshot.of(new FullSpaceSubspaceModel(model, w, basis), batch, thetas);
      SubspaceSnapshot.of(model.restrict(w, basis), batch, thetas)
          .assertCloseTo(
              reference, ModelContract.SUBSPACE_LOSSES, ModelContract.SUBSPACE_DERIVATIVES);
      // Blocks of 2 samples (7 = 2 + 2 + 2 + 1) and derivative chunks of 3 examples (10 = 3·3 + 1).
      long block = 2L * batch.size() * model.architecture().width(1);
      long widths = 0;
      for (int level = 1; level <= model.architecture().layers(); level++) {
        widths += model.architecture().width(level);
      }
      long chunk = 3L * 2 * (4 + 2) * widths;
      SubspaceModel chunked = new MlpSubspaceModel(model.architecture(), w, basis, block, chunk);
      SubspaceSnapshot.of(chunked, batch, thetas)
          .assertCloseTo(
              reference, ModelContract.SUBSPACE_LOSSES, ModelContract.SUBSPACE_DERIVATIVES);
    }
  }

  @Test
  void subspaceCacheFollowsTheBatchObject() {
    MlpModel model = model(List.of(6), Activation.TANH, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Batch first = TestData.classification(SEED, 8, 5, 3, DataType.DOUBLE);
    Batch second = TestData.classification(SEED + 1, 8, 5, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray basis = gaussian(model.parameterCount() * 2, 9).reshape(model.parameterCount(), 2);
    INDArray thetas = gaussian(6, 10).reshape(3, 2);
    SubspaceModel restricted = model.restrict(w, basis);
    SubspaceModel reference = new FullSpaceSubspaceModel(model, w, basis);
    for (Batch batch : List.of(first, second, first)) {
      INDArray actual = Nd4j.create(DataType.DOUBLE, 3, 8);
      INDArray expected = Nd4j.create(DataType.DOUBLE, 3, 8);
      restricted.losses(thetas, batch, actual);
      reference.losses(thetas, batch, expected);
      assertThat(relative(actual, expected)).isLessThanOrEqualTo(ModelContract.SUBSPACE_LOSSES);
    }
  }

  @Test
  void restrictRefusesABasisOfTheWrongShape() {
    MlpModel model = model(List.of(6), Activation.TANH, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    assertThatThrownBy(() -> model.restrict(w, Nd4j.zeros(DataType.DOUBLE, 5, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the basis must be P × D with P = 57 and D >= 1, not [5, 2]");
  }

  static MlpModel model(
      List<Integer> hidden, Activation activation, TargetKind kind, DataType type) {
    return new MlpModel(new MlpArchitecture(5, hidden, 3, activation, kind, type));
  }

  static INDArray gaussian(long length, long index) {
    RandomGenerator generator = new RandomKey(SEED, "test/gaussian", index).generator();
    double[] values = new double[Math.toIntExact(length)];
    for (int i = 0; i < values.length; i++) {
      values[i] = generator.nextGaussian();
    }
    return Nd4j.createFromArray(values);
  }

  static INDArray losses(Model model, INDArray w, Batch batch) {
    INDArray out = Nd4j.create(DataType.DOUBLE, batch.size());
    model.losses(w, batch, out);
    return out;
  }

  static INDArray gradient(Model model, INDArray w, Batch batch) {
    INDArray out = Nd4j.create(DataType.DOUBLE, model.parameterCount());
    model.lossAndGradient(w, batch, out);
    return out;
  }

  static INDArray hvp(Model model, INDArray w, Batch batch, INDArray v) {
    INDArray out = Nd4j.create(DataType.DOUBLE, model.parameterCount());
    model.hessianVectorProduct(w, batch, v, out);
    return out;
  }

  static double norm(INDArray x) {
    return x.norm2Number().doubleValue();
  }

  static double dot(INDArray a, INDArray b) {
    return a.mul(b).sumNumber().doubleValue();
  }

  static double relative(INDArray actual, INDArray reference) {
    INDArray a = actual.castTo(DataType.DOUBLE).reshape(actual.length());
    INDArray r = reference.castTo(DataType.DOUBLE).reshape(reference.length());
    return norm(a.sub(r)) / norm(r);
  }

  /** Everything a subspace model computes on one batch and block of θ. */
  record SubspaceSnapshot(INDArray losses, INDArray values, INDArray gradients, INDArray hessians) {
    static SubspaceSnapshot of(SubspaceModel model, Batch batch, INDArray thetas) {
      int n = batch.size();
      int d = model.dimension();
      INDArray losses = Nd4j.create(DataType.DOUBLE, thetas.rows(), n);
      model.losses(thetas, batch, losses);
      INDArray values = Nd4j.create(DataType.DOUBLE, n);
      INDArray gradients = Nd4j.create(DataType.DOUBLE, n, d);
      INDArray hessians = Nd4j.create(DataType.DOUBLE, n, d, d);
      model.derivatives(batch, values, gradients, hessians);
      return new SubspaceSnapshot(losses, values, gradients, hessians);
    }

    void assertCloseTo(SubspaceSnapshot reference, double lossTolerance, double derivatives) {
      assertThat(relative(losses, reference.losses))
          .as("losses")
          .isLessThanOrEqualTo(lossTolerance);
      assertThat(relative(values, reference.values)).as("values").isLessThanOrEqualTo(derivatives);
      assertThat(relative(gradients, reference.gradients))
          .as("gradients")
          .isLessThanOrEqualTo(derivatives);
      assertThat(relative(hessians, reference.hessians))
          .as("hessians")
          .isLessThanOrEqualTo(derivatives);
    }
  }
}
