package org.deltascape.models.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deltascape.api.Batch;
import org.deltascape.api.ModelContext;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.models.FullSpaceSubspaceModel;
import org.deltascape.models.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CNN's subspace model against the generic one ({@link FullSpaceSubspaceModel}, which evaluates
 * the full-space model at w0 + Pθ_s one sample at a time): block losses, values, D-gradients and
 * D×D Hessians, for relu and tanh, in chunks and slices both whole and partial (11 examples in
 * chunks of 8 and 3, slices of 4, 4 and 3),
 * in float64 to {@value #EXACT} and float32 to {@value #FLOAT_VS_GENERIC} (norm-wise relative).
 * The shared model contract checks the same against one-example full-space derivatives.
 */
class CnnSubspaceModelTest {
  /** float64 against float64: the same products in another order, rounding only. */
  static final double EXACT = 1e-12;

  /** float32 against float32: rounding of the same products summed in another order. */
  static final double FLOAT_VS_GENERIC = 1e-5;

  private static final long SEED = 47;
  private static final int DIMENSION = 4;
  private static final int SAMPLES = 6;

  @Test
  void blockLossesEqualTheGenericSubspaceModel() {
    for (String activation : List.of("relu", "tanh")) {
      for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
        CnnModel model = CnnNumericsTest.chunked(activation, type);
        Batch batch = TestData.classification(SEED, 11, 64, 3, type);
        INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
        INDArray basis = basis(model.parameterCount());
        INDArray thetas = CnnNumericsTest.gaussian((long) SAMPLES * DIMENSION, 6)
            .reshape(SAMPLES, DIMENSION);
        INDArray expected = Nd4j.create(DataType.DOUBLE, SAMPLES, 11);
        new FullSpaceSubspaceModel(model, w, basis).losses(thetas, batch, expected);
        SubspaceModel restricted = model.restrict(w, basis);
        assertThat(restricted).isInstanceOf(CnnSubspaceModel.class);
        INDArray actual = Nd4j.create(DataType.DOUBLE, SAMPLES, 11);
        restricted.losses(thetas, batch, actual);
        assertThat(CnnNumericsTest.relative(actual, expected))
            .as("%s %s", activation, type)
            .isLessThanOrEqualTo(type == DataType.DOUBLE ? EXACT : FLOAT_VS_GENERIC);
        INDArray fewer = Nd4j.create(DataType.DOUBLE, 2, 11);
        restricted.losses(thetas.getRows(3, 1), batch, fewer);
        assertThat(CnnNumericsTest.relative(fewer, expected.getRows(3, 1)))
            .as("%s %s, a smaller block after a larger one", activation, type)
            .isLessThanOrEqualTo(type == DataType.DOUBLE ? EXACT : FLOAT_VS_GENERIC);
      }
    }
  }

  @Test
  void squaredErrorLossesOnMultiChannelImagesEqualTheGenericSubspaceModel() {
    CnnModel model = new CnnModel(new CnnProvider().architecture(
        Settings.of("model cnn", Map.of("channels", List.of(3, 2), "kernel", 2, "padding", "valid",
            "activation", "tanh")),
        new ModelContext(List.of(2, 9, 9), 2, TargetKind.REGRESSION, DataType.DOUBLE)));
    Batch batch = TestData.regression(SEED, 7, 2 * 9 * 9, 2, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 1));
    INDArray basis = basis(model.parameterCount());
    INDArray thetas = CnnNumericsTest.gaussian((long) SAMPLES * DIMENSION, 7)
        .reshape(SAMPLES, DIMENSION);
    INDArray expected = Nd4j.create(DataType.DOUBLE, SAMPLES, 7);
    new FullSpaceSubspaceModel(model, w, basis).losses(thetas, batch, expected);
    INDArray actual = Nd4j.create(DataType.DOUBLE, SAMPLES, 7);
    model.restrict(w, basis).losses(thetas, batch, actual);
    assertThat(CnnNumericsTest.relative(actual, expected)).isLessThanOrEqualTo(EXACT);
  }

  @Test
  void derivativesEqualTheGenericSubspaceModel() {
    CnnModel model = CnnNumericsTest.chunked("tanh", DataType.DOUBLE);
    Batch batch = TestData.classification(SEED, 5, 64, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 2));
    INDArray basis = basis(model.parameterCount());
    INDArray[] expected = derivatives(new FullSpaceSubspaceModel(model, w, basis), batch);
    INDArray[] actual = derivatives(model.restrict(w, basis), batch);
    String[] names = {"values", "D-gradients", "D×D Hessians"};
    for (int k = 0; k < 3; k++) {
      assertThat(CnnNumericsTest.relative(actual[k], expected[k]))
          .as(names[k])
          .isLessThanOrEqualTo(EXACT);
    }
  }

  @Test
  void refusesArraysOfTheWrongShapeNamingThem() {
    CnnModel model = CnnNumericsTest.model("relu", DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 3));
    long size = model.parameterCount();
    assertThatThrownBy(() -> model.restrict(w, Nd4j.create(DataType.DOUBLE, 5, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the basis must be " + size + " × D with D >= 1, not [5, 2]");
    assertThatThrownBy(() -> model.restrict(Nd4j.create(DataType.DOUBLE, 3), basis(size)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w0 has 3 elements, expected " + size);
    SubspaceModel restricted = model.restrict(w, basis(size));
    Batch batch = TestData.classification(SEED, 4, 64, 3, DataType.DOUBLE);
    assertThatThrownBy(() -> restricted.losses(
            Nd4j.create(DataType.DOUBLE, 2, 3), batch, Nd4j.create(DataType.DOUBLE, 2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thetas must be S × 4, not [2, 3]");
    assertThatThrownBy(() -> restricted.losses(
            Nd4j.create(DataType.DOUBLE, 2, 4), batch, Nd4j.create(DataType.DOUBLE, 2, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("out must be 2 × 4, not [2, 5]");
    Batch twoTargets = TestData.classification(SEED, 4, 64, 2, DataType.DOUBLE);
    assertThatThrownBy(() -> restricted.losses(
            Nd4j.create(DataType.DOUBLE, 2, 4), twoTargets, Nd4j.create(DataType.DOUBLE, 2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the batch has 2 targets per example but the CNN has 3 outputs");
  }

  private static INDArray[] derivatives(SubspaceModel subspace, Batch batch) {
    int n = batch.size();
    INDArray values = Nd4j.create(DataType.DOUBLE, n);
    INDArray gradients = Nd4j.create(DataType.DOUBLE, n, DIMENSION);
    INDArray hessians = Nd4j.create(DataType.DOUBLE, n, DIMENSION, DIMENSION);
    subspace.derivatives(batch, values, gradients, hessians);
    return new INDArray[] {values, gradients, hessians};
  }

  /** Gaussian columns of norm about 1. */
  private static INDArray basis(long size) {
    return CnnNumericsTest.gaussian(size * DIMENSION, 5)
        .reshape(size, DIMENSION)
        .divi(Math.sqrt(size));
  }
}
