package org.deltascape.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.models.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The models linear in w: linear regression's loss is an exact quadratic (constant Hessian {@code I_C
 * ⊗ X̄ᵀX̄/n}, X̄ = [X, 1], equal to its Gauss–Newton matrix, exact second-order Taylor models), and
 * softmax regression's Hessian equals its Gauss–Newton matrix.
 */
class LinearModelsTest {
  /** Products against the closed form and against each other: rounding only. */
  static final double EXACT = 1e-12;

  /** Losses at large θ against their second-order Taylor model: rounding of O(1) numbers. */
  static final double TAYLOR_EXACT = 1e-10;

  private static final long SEED = 41;
  private static final int FEATURES = 5;
  private static final int TARGETS = 2;
  private static final int EXAMPLES = 13;

  private final Model linear =
      new LinearRegressionProvider()
          .create(Settings.empty("model linear-regression"), LinearRegressionModelTest.CONTEXT);
  private final Batch batch = TestData.regression(SEED, EXAMPLES, FEATURES, TARGETS, DataType.DOUBLE);

  @Test
  void hessianIsTheClosedFormAndConstant() {
    INDArray v = gaussian(linear.parameterCount(), 1);
    INDArray expected = closedFormProduct(v);
    for (long index = 0; index < 2; index++) {
      INDArray w = linear.initialWeights(new RandomKey(SEED, "w", index)).muli(10.0);
      assertThat(relative(product(linear, w, v, false), expected)).isLessThanOrEqualTo(EXACT);
      assertThat(relative(product(linear, w, v, true), expected)).isLessThanOrEqualTo(EXACT);
    }
  }

  @Test
  void lossesAtLargeThetaEqualTheirQuadraticModel() {
    INDArray w = linear.initialWeights(new RandomKey(SEED, "w", 0));
    int dimension = 3;
    INDArray basis = Nd4j.create(DataType.DOUBLE, linear.parameterCount(), dimension);
    for (int d = 0; d < dimension; d++) {
      basis.getColumn(d).assign(gaussian(linear.parameterCount(), 10 + d));
    }
    SubspaceModel restricted = linear.restrict(w, basis);
    INDArray values = Nd4j.create(DataType.DOUBLE, EXAMPLES);
    INDArray gradients = Nd4j.create(DataType.DOUBLE, EXAMPLES, dimension);
    INDArray hessians = Nd4j.create(DataType.DOUBLE, EXAMPLES, dimension, dimension);
    restricted.derivatives(batch, values, gradients, hessians);
    INDArray theta = Nd4j.createFromArray(new double[][] {{3.0, -5.0, 7.5}});
    INDArray losses = Nd4j.create(DataType.DOUBLE, 1, EXAMPLES);
    restricted.losses(theta, batch, losses);
    INDArray model = Nd4j.create(DataType.DOUBLE, EXAMPLES);
    INDArray column = theta.reshape(dimension, 1);
    for (int i = 0; i < EXAMPLES; i++) {
      INDArray h = hessians.slice(i);
      double quadratic = theta.mmul(h).mmul(column).getDouble(0);
      double linearTerm = gradients.getRow(i).reshape(1, dimension).mmul(column).getDouble(0);
      model.putScalar(i, values.getDouble(i) + linearTerm + 0.5 * quadratic);
    }
    assertThat(relative(losses.reshape(EXAMPLES), model)).isLessThanOrEqualTo(TAYLOR_EXACT);
  }

  @Test
  void softmaxRegressionHessianEqualsItsGaussNewtonMatrix() {
    ModelContext context =
        new ModelContext(List.of(FEATURES), 3, TargetKind.CLASSIFICATION, DataType.DOUBLE);
    Model softmax =
        new SoftmaxRegressionProvider().create(Settings.empty("model softmax-regression"), context);
    Batch classes = TestData.classification(SEED, EXAMPLES, FEATURES, 3, DataType.DOUBLE);
    INDArray w = softmax.initialWeights(new RandomKey(SEED, "w", 0)).muli(3.0);
    INDArray v = gaussian(softmax.parameterCount(), 2);
    INDArray hv = Nd4j.create(DataType.DOUBLE, softmax.parameterCount());
    INDArray gv = Nd4j.create(DataType.DOUBLE, softmax.parameterCount());
    softmax.hessianVectorProduct(w, classes, v, hv);
    softmax.gaussNewtonVectorProduct(w, classes, v, gv);
    assertThat(relative(gv, hv)).isLessThanOrEqualTo(EXACT);
  }

  /** {@code (1/n) Σ_i r_i x̄_iᵀ} per target, r_i = V x_i + c: the Hessian of ½‖Wx + b − y‖² on v. */
  private INDArray closedFormProduct(INDArray v) {
    double[] x = batch.features().reshape(EXAMPLES * FEATURES).toDoubleVector();
    double[] vv = v.toDoubleVector();
    double[] out = new double[vv.length];
    int biasOffset = TARGETS * FEATURES;
    for (int i = 0; i < EXAMPLES; i++) {
      for (int c = 0; c < TARGETS; c++) {
        double r = vv[biasOffset + c];
        for (int f = 0; f < FEATURES; f++) {
          r += vv[c * FEATURES + f] * x[i * FEATURES + f];
        }
        for (int f = 0; f < FEATURES; f++) {
          out[c * FEATURES + f] += r * x[i * FEATURES + f] / EXAMPLES;
        }
        out[biasOffset + c] += r / EXAMPLES;
      }
    }
    return Nd4j.createFromArray(out);
  }

  private INDArray product(Model model, INDArray w, INDArray v, boolean gaussNewton) {
    INDArray out = Nd4j.create(DataType.DOUBLE, model.parameterCount());
    if (gaussNewton) {
      model.gaussNewtonVectorProduct(w, batch, v, out);
    } else {
      model.hessianVectorProduct(w, batch, v, out);
    }
    return out;
  }

  private static INDArray gaussian(long size, long index) {
    RandomGenerator generator = new RandomKey(SEED, "v", index).generator();
    double[] values = new double[(int) size];
    for (int i = 0; i < values.length; i++) {
      values[i] = generator.nextGaussian();
    }
    return Nd4j.createFromArray(values);
  }

  private static double relative(INDArray actual, INDArray reference) {
    return actual.sub(reference).norm2Number().doubleValue()
        / reference.norm2Number().doubleValue();
  }
}
