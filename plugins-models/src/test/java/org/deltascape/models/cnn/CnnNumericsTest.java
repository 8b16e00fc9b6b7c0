package org.deltascape.models.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.ModelContract;
import org.deltascape.models.TestData;
import org.deltascape.models.training.Trainer;
import org.deltascape.models.training.TrainingPlan;
import org.deltascape.models.training.TrainingResult;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CNN beyond the shared contract: its outputs against a direct (loop) convolution in PyTorch's
 * conventions, relu products, chunking, float32 against float64, and a smoke training run.
 */
class CnnNumericsTest {
  /** Outputs against the direct convolution, and chunked against whole: rounding only. */
  static final double EXACT = 1e-12;

  /** float32 against float64, norm-wise: float32 rounding through a few layers. */
  static final double FLOAT_VS_DOUBLE = 1e-4;

  private static final long SEED = 43;

  @Test
  void outputsEqualADirectConvolution() {
    CnnModel model = model("tanh", DataType.DOUBLE);
    Batch batch = TestData.classification(SEED, 5, 64, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray outputs = Nd4j.create(DataType.DOUBLE, 5, 3);
    model.predict(w, batch, outputs);
    INDArray expected = DirectCnn.outputs(model.architecture(), w, batch.features());
    assertThat(relative(outputs, expected)).isLessThanOrEqualTo(EXACT);
  }

  @Test
  void outputsEqualADirectConvolutionForOtherPoolingWindows() {
    for (int pool : new int[] {1, 3}) {
      ModelContext context =
          new ModelContext(List.of(1, 8, 8), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);
      Settings settings = Settings.of("model cnn", Map.of(
          "channels", List.of(2), "kernel", 3, "pool", pool, "hidden", List.of(4),
          "activation", "tanh"));
      CnnModel model = new CnnModel(new CnnProvider().architecture(settings, context));
      Batch batch = TestData.classification(SEED, 5, 64, 3, DataType.DOUBLE);
      INDArray w = model.initialWeights(new RandomKey(SEED, "w", pool));
      INDArray outputs = Nd4j.create(DataType.DOUBLE, 5, 3);
      model.predict(w, batch, outputs);
      INDArray expected = DirectCnn.outputs(model.architecture(), w, batch.features());
      assertThat(relative(outputs, expected)).as("pool %d", pool).isLessThanOrEqualTo(EXACT);
    }
  }

  @Test
  void reluProductsAreExactlyLinearAndSymmetric() {
    CnnModel model = model("relu", DataType.DOUBLE);
    Batch batch = TestData.classification(SEED, 9, 64, 3, DataType.DOUBLE);
    INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray u = gaussian(model.parameterCount(), 1);
    INDArray v = gaussian(model.parameterCount(), 2);
    for (boolean gaussNewton : new boolean[] {false, true}) {
      INDArray hu = product(model, w, batch, u, gaussNewton);
      INDArray hv = product(model, w, batch, v, gaussNewton);
      INDArray combined = product(model, w, batch, u.mul(0.5).addi(v.mul(-2.0)), gaussNewton);
      double scale = 0.5 * norm(hu) + 2.0 * norm(hv);
      assertThat(norm(combined.sub(hu.mul(0.5)).addi(hv.mul(2.0))) / scale)
          .as("linearity, Gauss-Newton %s", gaussNewton)
          .isLessThanOrEqualTo(ModelContract.HVP_LINEARITY);
      double asymmetry = dot(u, hv) - dot(v, hu);
      assertThat(Math.abs(asymmetry) / (norm(u) * norm(hv) + norm(v) * norm(hu)))
          .as("symmetry, Gauss-Newton %s", gaussNewton)
          .isLessThanOrEqualTo(ModelContract.HVP_SYMMETRY);
      assertThat(norm(hv)).isPositive();
    }
  }

  @Test
  void chunkedPassesEqualWholeBatchPasses() {
    Batch batch = TestData.classification(SEED, 11, 64, 3, DataType.DOUBLE);
    CnnModel whole = model("tanh", DataType.DOUBLE);
    CnnModel chunked = chunked("tanh", DataType.DOUBLE);
    INDArray w = whole.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray v = gaussian(whole.parameterCount(), 3);
    assertThat(relative(losses(chunked, w, batch), losses(whole, w, batch)))
        .isLessThanOrEqualTo(EXACT);
    assertThat(relative(gradient(chunked, w, batch), gradient(whole, w, batch)))
        .isLessThanOrEqualTo(EXACT);
    for (boolean gaussNewton : new boolean[] {false, true}) {
      assertThat(
              relative(
                  product(chunked, w, batch, v, gaussNewton),
                  product(whole, w, batch, v, gaussNewton)))
          .isLessThanOrEqualTo(EXACT);
    }
  }

  @Test
  void floatArithmeticAgreesWithDouble() {
    CnnModel exact = model("tanh", DataType.DOUBLE);
    CnnModel fast = model("tanh", DataType.FLOAT);
    Batch doubles = TestData.classification(SEED, 10, 64, 3, DataType.DOUBLE);
    Batch floats = TestData.classification(SEED, 10, 64, 3, DataType.FLOAT);
    INDArray w = exact.initialWeights(new RandomKey(SEED, "w", 0));
    INDArray v = gaussian(exact.parameterCount(), 4);
    assertThat(relative(losses(fast, w, floats), losses(exact, w, doubles)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
    assertThat(relative(gradient(fast, w, floats), gradient(exact, w, doubles)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
    assertThat(relative(product(fast, w, floats, v, false), product(exact, w, doubles, v, false)))
        .isLessThanOrEqualTo(FLOAT_VS_DOUBLE);
  }

  @Test
  void trainingLowersTheLossOnSyntheticImages() {
    Batch images = SyntheticImages.twoBars(SEED, 64);
    ModelContext context =
        new ModelContext(List.of(1, 8, 8), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Model model =
        new CnnProvider()
            .create(
                Settings.of("model cnn", Map.of("channels", List.of(4, 8), "kernel", 3)), context);
    RandomKey key = new RandomKey(SEED, "train", 0);
    INDArray initial = model.initialWeights(key.child("init"));
    double before = model.lossAndGradient(initial, images, gaussian(model.parameterCount(), 5));
    TrainingResult result =
        new Trainer("cnn")
            .train(
                model,
                TestData.dataset("bars", images, TargetKind.CLASSIFICATION),
                TrainingPlan.of("adam", 0.01, 30, 16),
                key,
                Progress.silent());
    assertThat(result.finalLoss()).isLessThan(0.3 * before);
  }

  /** The contract's CNN (8×8 images, blocks of 2 and 3 filters), whole batches. */
  static CnnModel model(String activation, DataType type) {
    return new CnnModel(architecture(activation, type));
  }

  /**
   * The same in chunks of 8 examples and slices of 4 (the first block's patches are 64 × 9 per
   * example), so that 11 examples take chunks of 8 and 3 and slices of 4, 4 and 3.
   */
  static CnnModel chunked(String activation, DataType type) {
    CnnModel model = new CnnModel(architecture(activation, type), 4L * 64 * 9, 8);
    assertThat(model.chunkRows()).isEqualTo(8);
    assertThat(model.sliceRows()).isEqualTo(4);
    return model;
  }

  private static CnnArchitecture architecture(String activation, DataType type) {
    ModelContext context =
        new ModelContext(List.of(1, 8, 8), 3, TargetKind.CLASSIFICATION, type);
    return new CnnProvider().architecture(CnnModelTest.settings(activation), context);
  }

  private static INDArray losses(Model model, INDArray w, Batch batch) {
    INDArray out = Nd4j.create(DataType.DOUBLE, batch.size());
    model.losses(w, batch, out);
    return out;
  }

  private static INDArray gradient(Model model, INDArray w, Batch batch) {
    INDArray out = Nd4j.create(DataType.DOUBLE, model.parameterCount());
    model.lossAndGradient(w, batch, out);
    return out;
  }

  private static INDArray product(
      Model model, INDArray w, Batch batch, INDArray v, boolean gaussNewton) {
    INDArray out = Nd4j.create(DataType.DOUBLE, model.parameterCount());
    if (gaussNewton) {
      model.gaussNewtonVectorProduct(w, batch, v, out);
    } else {
      model.hessianVectorProduct(w, batch, v, out);
    }
    return out;
  }

  static INDArray gaussian(long size, long index) {
    RandomGenerator generator = new RandomKey(SEED, "v", index).generator();
    double[] values = new double[(int) size];
    for (int i = 0; i < values.length; i++) {
      values[i] = generator.nextGaussian();
    }
    return Nd4j.createFromArray(values);
  }

  private static double dot(INDArray a, INDArray b) {
    return a.mul(b).sumNumber().doubleValue();
  }

  private static double norm(INDArray a) {
    return a.norm2Number().doubleValue();
  }

  static double relative(INDArray actual, INDArray reference) {
    return norm(actual.castTo(DataType.DOUBLE).sub(reference)) / norm(reference);
  }
}
