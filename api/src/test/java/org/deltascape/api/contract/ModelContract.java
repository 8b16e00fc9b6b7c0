package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deltascape.api.contract.ModelReferences.column;
import static org.deltascape.api.contract.ModelReferences.exact;
import static org.deltascape.api.contract.ModelReferences.filled;
import static org.deltascape.api.contract.ModelReferences.fivePoint;
import static org.deltascape.api.contract.ModelReferences.isFinite;
import static org.deltascape.api.contract.ModelReferences.norm;
import static org.deltascape.api.contract.ModelReferences.relative;
import static org.deltascape.api.contract.ModelReferences.rows;
import static org.deltascape.api.contract.ModelReferences.unit;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The checks every {@link Model} must pass. A model's test extends this class and supplies only a
 * factory ({@link #model()}, computing in DOUBLE, smooth near the checked point: tanh rather than
 * relu, so that no kink is crossed by a finite difference), a small batch, and, when it must,
 * looser {@link #tolerances()}.
 *
 * <p>Every comparison is norm-wise, {@code ‖actual − reference‖ / ‖reference‖}, against a reference
 * named in the test: five-point central differences (step h, error O(h⁴)), the definition of
 * linearity and symmetry, or the model's own full-space methods at {@code w0 + Pθ}. Random vectors
 * come from fixed {@link RandomKey}s.
 *
 * <p>The Gauss–Newton product, when the model declares one ({@link #hasGaussNewtonProduct()}), is
 * checked for exact linearity, symmetry and {@code uᵀGu ≥ 0}, and against an independent
 * reference built only from {@code predict}: {@code uᵀGv = (1/n) Σ_i (J_i u)ᵀ ∇²_f ℓ_i (J_i v)},
 * with {@code J_i u} by five-point differences of the outputs and {@code ∇²_f ℓ_i} in closed form.
 */
public abstract class ModelContract {
  /** ‖Hv − FD(∇L)‖ / ‖Hv‖, FD a five-point central difference of gradients along v. */
  public static final double HVP_VS_FINITE_DIFFERENCES = 1e-6;

  /** ‖H(αu + βv) − αHu − βHv‖ / (|α|‖Hu‖ + |β|‖Hv‖): products must be exactly linear. */
  public static final double HVP_LINEARITY = 1e-12;

  /** |uᵀHv − vᵀHu| / (‖u‖‖Hv‖ + ‖v‖‖Hu‖): finite differences cannot pass this, R-operators do. */
  public static final double HVP_SYMMETRY = 1e-12;

  /** ‖(gᵀv_k)_k − (FD L along v_k)_k‖ / ‖(gᵀv_k)_k‖ over random unit directions v_k. */
  public static final double GRADIENT_VS_FINITE_DIFFERENCES = 1e-6;

  /** The loss of {@code lossAndGradient} against the mean of {@code losses}, relative. */
  public static final double MEAN_LOSS = 1e-12;

  /** Losses recomputed from {@code predict}'s outputs against {@code losses}. */
  public static final double PREDICTIONS_VS_LOSSES = 1e-12;

  /** Subspace block losses against per-sample full-space losses at {@code w0 + Pθ_s}. */
  public static final double SUBSPACE_LOSSES = 1e-10;

  /** Subspace values, D-gradients and D×D Hessians against one-example full-space ones. */
  public static final double SUBSPACE_DERIVATIVES = 1e-8;

  /**
   * {@code ‖(u_kᵀGv)_k − (reference)_k‖ / ‖reference‖}: the reference is {@code (1/n) Σ_i (J_i
   * u_k)ᵀ ∇²_f ℓ_i (J_i v)} with the Jacobian-vector products {@code J_i u} taken by five-point
   * central differences of {@code predict} along u, and the output loss's Hessian in closed form
   * ({@code diag p − ppᵀ} at the softmax p, or the identity).
   */
  public static final double GGN_VS_FINITE_DIFFERENCES = 1e-6;

  /** Step of the finite differences along a unit direction. */
  public static final double STEP = 1e-3;

  /** The seed of every random vector and of the checked point. */
  public static final long SEED = 20_250_611L;

  private static final int FINITE_DIFFERENCE_DIRECTIONS = 16;
  private static final int SAMPLES = 5;

  /**
   * The tolerances a model's test may loosen, each with a reason in that test.
   *
   * @param hvpVsFiniteDifferences see {@link #HVP_VS_FINITE_DIFFERENCES}
   * @param hvpLinearity see {@link #HVP_LINEARITY}
   * @param hvpSymmetry see {@link #HVP_SYMMETRY}
   * @param gradientVsFiniteDifferences see {@link #GRADIENT_VS_FINITE_DIFFERENCES}
   * @param subspaceLosses see {@link #SUBSPACE_LOSSES}
   * @param subspaceDerivatives see {@link #SUBSPACE_DERIVATIVES}
   * @param ggnVsFiniteDifferences see {@link #GGN_VS_FINITE_DIFFERENCES}; the Gauss–Newton
   *     product's linearity and symmetry use {@code hvpLinearity} and {@code hvpSymmetry}
   */
  public record Tolerances(
      double hvpVsFiniteDifferences,
      double hvpLinearity,
      double hvpSymmetry,
      double gradientVsFiniteDifferences,
      double subspaceLosses,
      double subspaceDerivatives,
      double ggnVsFiniteDifferences) {
    /** The tolerances of issues 2 and 4, named by the constants above. */
    public static final Tolerances DEFAULT =
        new Tolerances(
            HVP_VS_FINITE_DIFFERENCES,
            HVP_LINEARITY,
            HVP_SYMMETRY,
            GRADIENT_VS_FINITE_DIFFERENCES,
            SUBSPACE_LOSSES,
            SUBSPACE_DERIVATIVES,
            GGN_VS_FINITE_DIFFERENCES);

    /** The tolerances of issue 2, with the default Gauss–Newton tolerance. */
    public Tolerances(
        double hvpVsFiniteDifferences,
        double hvpLinearity,
        double hvpSymmetry,
        double gradientVsFiniteDifferences,
        double subspaceLosses,
        double subspaceDerivatives) {
      this(
          hvpVsFiniteDifferences,
          hvpLinearity,
          hvpSymmetry,
          gradientVsFiniteDifferences,
          subspaceLosses,
          subspaceDerivatives,
          GGN_VS_FINITE_DIFFERENCES);
    }
  }

  /** A new model instance computing in DOUBLE; each call returns an equal, fresh model. */
  protected abstract Model model();

  /** A small batch (tens of examples) in DOUBLE that fits the model. */
  protected abstract Batch batch();

  /** The tolerances; override only with a reason. */
  protected Tolerances tolerances() {
    return Tolerances.DEFAULT;
  }

  /** What the batch's targets are, which fixes the loss {@code predict} is checked against. */
  protected TargetKind targetKind() {
    return TargetKind.CLASSIFICATION;
  }

  /**
   * The step h of the five-point differences along unit directions; by default {@link #STEP}. A
   * model whose loss has kinks away from the checked point (max-pooling switches its argmax) may
   * take a smaller step, so that no kink falls within ±2h; roundoff then grows like 1e-16/h.
   */
  protected double finiteDifferenceStep() {
    return STEP;
  }

  /** D of the random subspace the restricted model is checked in. */
  protected int subspaceDimension() {
    return 3;
  }

  /**
   * Whether the model implements {@link Model#gaussNewtonVectorProduct}; when not, the contract
   * checks that it refuses with a {@link DeltascapeException} instead.
   */
  protected boolean hasGaussNewtonProduct() {
    return true;
  }

  /** The point w at which derivatives are checked: by default seeded initial weights. */
  protected INDArray point(Model model) {
    return model.initialWeights(new RandomKey(SEED, "contract/point", 0));
  }

  private Model model;
  private Batch batch;
  private INDArray w;

  @BeforeEach
  void createModel() {
    model = model();
    batch = batch();
    w = point(model);
  }

  @Test
  void computesInDoubleOverADoubleParameterVector() {
    assertThat(model.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(w.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(w.length()).isEqualTo(model.parameterCount());
  }

  @Test
  void layoutCoversEveryParameter() {
    ParameterLayout layout = model.layout();
    assertThat(layout.size()).isEqualTo(model.parameterCount()).isPositive();
    for (ParameterTensor tensor : layout.tensors()) {
      if (tensor.role() == ParameterTensor.Role.BIAS) {
        assertThat(tensor.fanInAxis()).as("fan-in axis of bias %s", tensor.name()).isEqualTo(-1);
      } else {
        assertThat(tensor.fanInAxis())
            .as("fan-in axis of weight %s", tensor.name())
            .isBetween(1, tensor.shape().size() - 1);
      }
    }
  }

  @Test
  void initialWeightsAreAFunctionOfTheKey() {
    RandomKey key = new RandomKey(SEED, "contract/init", 0);
    INDArray first = model.initialWeights(key);
    assertThat(first.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(first.length()).isEqualTo(model.parameterCount());
    assertThat(isFinite(first)).isTrue();
    assertThat(exact(model().initialWeights(key))).isEqualTo(exact(first));
    assertThat(exact(model.initialWeights(key))).isEqualTo(exact(first));
    assertThat(exact(model.initialWeights(key.at(1)))).isNotEqualTo(exact(first));
    assertThat(exact(model.initialWeights(new RandomKey(SEED + 1, "contract/init", 0))))
        .isNotEqualTo(exact(first));
  }

  @Test
  void lossAndGradientReturnsTheMeanOfTheLosses() {
    double mean = losses(w, batch).meanNumber().doubleValue();
    double loss = model.lossAndGradient(w, batch, filled(model.parameterCount()));
    assertThat(Math.abs(loss - mean)).isLessThanOrEqualTo(MEAN_LOSS * Math.abs(mean));
  }

  @Test
  void predictionsGiveTheLosses() {
    INDArray outputs = filled(batch.size(), batch.targets().columns());
    model.predict(w, batch, outputs);
    INDArray targets = batch.targets().castTo(DataType.DOUBLE);
    INDArray expected;
    if (targetKind() == TargetKind.CLASSIFICATION) {
      INDArray max = outputs.max(1);
      INDArray exponentials = Transforms.exp(outputs.subColumnVector(max), false);
      INDArray logSumExp = Transforms.log(exponentials.sum(1), false).addi(max);
      expected = logSumExp.subi(outputs.mul(targets).sum(1));
    } else {
      INDArray residual = outputs.sub(targets);
      expected = residual.muli(residual).sum(1).muli(0.5);
    }
    assertThat(relative(losses(w, batch), expected)).isLessThanOrEqualTo(PREDICTIONS_VS_LOSSES);
  }

  @Test
  void gradientMatchesFiniteDifferencesOfTheLoss() {
    INDArray gradient = gradient(w, batch);
    INDArray analytic = Nd4j.create(DataType.DOUBLE, FINITE_DIFFERENCE_DIRECTIONS);
    INDArray numeric = Nd4j.create(DataType.DOUBLE, FINITE_DIFFERENCE_DIRECTIONS);
    for (int k = 0; k < FINITE_DIFFERENCE_DIRECTIONS; k++) {
      INDArray v = unit(random("contract/gradient", k));
      analytic.putScalar(k, gradient.mul(v).sumNumber().doubleValue());
      double step = finiteDifferenceStep();
      numeric.putScalar(k, fivePoint(t -> meanLoss(w.add(v.mul(t))), step).getDouble(0));
    }
    assertThat(relative(analytic, numeric))
        .as("‖gᵀv − FD‖/‖FD‖ over %d directions", FINITE_DIFFERENCE_DIRECTIONS)
        .isLessThanOrEqualTo(tolerances().gradientVsFiniteDifferences());
  }

  @Test
  void hessianVectorProductMatchesFiniteDifferencesOfGradients() {
    for (int k = 0; k < 3; k++) {
      INDArray v = unit(random("contract/hvp", k));
      INDArray product = hvp(w, v);
      INDArray numeric = fivePoint(t -> gradient(w.add(v.mul(t)), batch), finiteDifferenceStep());
      assertThat(relative(product, numeric))
          .as("‖Hv − FD‖/‖FD‖ for direction %d", k)
          .isLessThanOrEqualTo(tolerances().hvpVsFiniteDifferences());
    }
  }

  @Test
  void hessianVectorProductIsExactlyLinearInV() {
    INDArray u = random("contract/linear", 0);
    INDArray v = random("contract/linear", 1);
    double alpha = 0.75;
    double beta = -1.25;
    INDArray hu = hvp(w, u);
    INDArray hv = hvp(w, v);
    INDArray combined = hvp(w, u.mul(alpha).addi(v.mul(beta)));
    double scale = Math.abs(alpha) * norm(hu) + Math.abs(beta) * norm(hv);
    assertThat(norm(combined.sub(hu.mul(alpha)).subi(hv.mul(beta))) / scale)
        .isLessThanOrEqualTo(tolerances().hvpLinearity());
    INDArray scaled = hvp(w, v.mul(2.0));
    assertThat(norm(scaled.sub(hv.mul(2.0))) / (2 * norm(hv)))
        .isLessThanOrEqualTo(tolerances().hvpLinearity());
  }

  @Test
  void hessianVectorProductIsSymmetric() {
    for (int k = 0; k < 3; k++) {
      INDArray u = random("contract/symmetric", 2L * k);
      INDArray v = random("contract/symmetric", 2L * k + 1);
      INDArray hu = hvp(w, u);
      INDArray hv = hvp(w, v);
      double asymmetry =
          Math.abs(u.mul(hv).sumNumber().doubleValue() - v.mul(hu).sumNumber().doubleValue());
      assertThat(asymmetry / (norm(u) * norm(hv) + norm(v) * norm(hu)))
          .as("|uᵀHv − vᵀHu| relative, pair %d", k)
          .isLessThanOrEqualTo(tolerances().hvpSymmetry());
    }
  }

  @Test
  void gaussNewtonProductIsExactlyLinearSymmetricAndPositiveSemiDefinite() {
    assumeTrue(hasGaussNewtonProduct(), "the model declares no Gauss-Newton product");
    INDArray u = random("contract/ggn", 0);
    INDArray v = random("contract/ggn", 1);
    double alpha = 0.75;
    double beta = -1.25;
    INDArray gu = ggn(w, u);
    INDArray gv = ggn(w, v);
    assertThat(norm(gv)).as("‖Gv‖").isPositive();
    INDArray combined = ggn(w, u.mul(alpha).addi(v.mul(beta)));
    double scale = Math.abs(alpha) * norm(gu) + Math.abs(beta) * norm(gv);
    assertThat(norm(combined.sub(gu.mul(alpha)).subi(gv.mul(beta))) / scale)
        .as("linearity of G")
        .isLessThanOrEqualTo(tolerances().hvpLinearity());
    double asymmetry =
        Math.abs(u.mul(gv).sumNumber().doubleValue() - v.mul(gu).sumNumber().doubleValue());
    assertThat(asymmetry / (norm(u) * norm(gv) + norm(v) * norm(gu)))
        .as("|uᵀGv − vᵀGu| relative")
        .isLessThanOrEqualTo(tolerances().hvpSymmetry());
    for (int k = 0; k < 4; k++) {
      INDArray x = random("contract/ggn-psd", k);
      INDArray gx = ggn(w, x);
      assertThat(x.mul(gx).sumNumber().doubleValue())
          .as("xᵀGx for direction %d", k)
          .isGreaterThanOrEqualTo(-tolerances().hvpSymmetry() * norm(x) * norm(gx));
    }
  }

  @Test
  void gaussNewtonProductMatchesJacobianFiniteDifferences() {
    assumeTrue(hasGaussNewtonProduct(), "the model declares no Gauss-Newton product");
    INDArray v = unit(random("contract/ggn-reference", 0));
    INDArray gv = ggn(w, v);
    INDArray jv = jacobianProduct(v);
    INDArray outputs = filled(batch.size(), batch.targets().columns());
    model.predict(w, batch, outputs);
    INDArray curvedJv = outputCurvature(outputs, jv);
    int directions = 6;
    INDArray analytic = Nd4j.create(DataType.DOUBLE, directions);
    INDArray reference = Nd4j.create(DataType.DOUBLE, directions);
    for (int k = 0; k < directions; k++) {
      INDArray u = unit(random("contract/ggn-reference", k + 1L));
      analytic.putScalar(k, u.mul(gv).sumNumber().doubleValue());
      double bilinear = jacobianProduct(u).mul(curvedJv).sumNumber().doubleValue();
      reference.putScalar(k, bilinear / batch.size());
    }
    assertThat(relative(analytic, reference))
        .as("‖uᵀGv − (1/n) Σ (J u)ᵀ ∇²ℓ (J v)‖ relative over %d directions u", directions)
        .isLessThanOrEqualTo(tolerances().ggnVsFiniteDifferences());
  }

  @Test
  void refusesAGaussNewtonProductItDoesNotDeclare() {
    assumeTrue(!hasGaussNewtonProduct(), "the model declares a Gauss-Newton product");
    assertThatThrownBy(() -> ggn(w, random("contract/ggn", 0)))
        .isInstanceOf(DeltascapeException.class);
  }

  @Test
  void methodsLeaveTheirInputsAlone() {
    INDArray wBefore = w.dup();
    INDArray featuresBefore = batch.features().dup();
    INDArray v = random("contract/inputs", 0);
    INDArray vBefore = v.dup();
    losses(w, batch);
    gradient(w, batch);
    hvp(w, v);
    model.predict(w, batch, filled(batch.size(), batch.targets().columns()));
    assertThat(exact(w)).isEqualTo(exact(wBefore));
    assertThat(exact(v)).isEqualTo(exact(vBefore));
    assertThat(exact(batch.features())).isEqualTo(exact(featuresBefore));
  }

  @Test
  void subspaceBlockEvaluationEqualsFullSpaceEvaluation() {
    INDArray basis = basis();
    SubspaceModel restricted = model.restrict(w, basis);
    assertThat(restricted.dimension()).isEqualTo(subspaceDimension());
    INDArray thetas = thetas();
    Batch half = rows(batch, 0, Math.max(1, batch.size() / 2));
    for (Batch each : new Batch[] {batch, half, batch}) {
      INDArray block = filled(SAMPLES, each.size());
      restricted.losses(thetas, each, block);
      INDArray expected = Nd4j.create(DataType.DOUBLE, SAMPLES, each.size());
      for (int s = 0; s < SAMPLES; s++) {
        INDArray step = basis.mmul(thetas.getRow(s).reshape(subspaceDimension(), 1));
        INDArray at = w.add(step.reshape(w.length()));
        expected.getRow(s).assign(losses(at, each));
      }
      assertThat(relative(block, expected))
          .as("block of %d samples on %d examples", SAMPLES, each.size())
          .isLessThanOrEqualTo(tolerances().subspaceLosses());
      INDArray single = filled(1, each.size());
      restricted.losses(thetas.getRow(SAMPLES - 1).reshape(1, subspaceDimension()), each, single);
      assertThat(relative(single.getRow(0), expected.getRow(SAMPLES - 1)))
          .as("one sample on %d examples", each.size())
          .isLessThanOrEqualTo(tolerances().subspaceLosses());
    }
  }

  @Test
  void subspaceDerivativesEqualFullSpaceDerivatives() {
    INDArray basis = basis();
    int dimension = subspaceDimension();
    int n = batch.size();
    INDArray values = filled(n);
    INDArray gradients = filled(n, dimension);
    INDArray hessians = filled(n, dimension, dimension);
    model.restrict(w, basis).derivatives(batch, values, gradients, hessians);

    INDArray expectedGradients = Nd4j.create(DataType.DOUBLE, n, dimension);
    INDArray expectedHessians = Nd4j.create(DataType.DOUBLE, n, dimension, dimension);
    for (int i = 0; i < n; i++) {
      Batch example = rows(batch, i, i + 1);
      INDArray projected = basis.transpose().mmul(column(gradient(w, example)));
      expectedGradients.getRow(i).assign(projected.reshape(dimension));
      for (int d = 0; d < dimension; d++) {
        INDArray product = hvp(w, example, basis.getColumn(d).dup());
        expectedHessians
            .get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(d))
            .assign(basis.transpose().mmul(column(product)).reshape(dimension));
      }
    }
    double tolerance = tolerances().subspaceDerivatives();
    assertThat(relative(values, losses(w, batch))).as("values").isLessThanOrEqualTo(tolerance);
    assertThat(relative(gradients, expectedGradients))
        .as("D-gradients")
        .isLessThanOrEqualTo(tolerance);
    assertThat(relative(hessians, expectedHessians))
        .as("D×D Hessians")
        .isLessThanOrEqualTo(tolerance);
    assertThat(relative(hessians, hessians.permute(0, 2, 1).dup()))
        .as("symmetry of the D×D Hessians")
        .isLessThanOrEqualTo(tolerances().hvpSymmetry());
  }

  // --- the model's methods, with outputs prefilled with NaN so that unwritten entries show ---

  private INDArray losses(INDArray at, Batch examples) {
    INDArray out = filled(examples.size());
    model.losses(at, examples, out);
    return out;
  }

  private INDArray meanLoss(INDArray at) {
    return Nd4j.scalar(losses(at, batch).meanNumber().doubleValue());
  }

  private INDArray gradient(INDArray at, Batch examples) {
    INDArray out = filled(model.parameterCount());
    model.lossAndGradient(at, examples, out);
    return out;
  }

  private INDArray hvp(INDArray at, INDArray v) {
    return hvp(at, batch, v);
  }

  private INDArray hvp(INDArray at, Batch examples, INDArray v) {
    INDArray out = filled(model.parameterCount());
    model.hessianVectorProduct(at, examples, v, out);
    return out;
  }

  private INDArray ggn(INDArray at, INDArray v) {
    INDArray out = filled(model.parameterCount());
    model.gaussNewtonVectorProduct(at, batch, v, out);
    return out;
  }

  // --- references ---

  /** {@code J u} per example ({@code n × outputs}), by five-point differences of predict. */
  private INDArray jacobianProduct(INDArray u) {
    return fivePoint(
        t -> {
          INDArray outputs = Nd4j.create(DataType.DOUBLE, batch.size(), batch.targets().columns());
          model.predict(w.add(u.mul(t)), batch, outputs);
          return outputs;
        },
        finiteDifferenceStep());
  }

  /** {@code ∇²_f ℓ_i · y_i} per example: {@code (diag p − ppᵀ) y} at the softmax p, or y itself. */
  private INDArray outputCurvature(INDArray outputs, INDArray y) {
    if (targetKind() != TargetKind.CLASSIFICATION) {
      return y.dup();
    }
    INDArray max = outputs.max(1);
    INDArray p = Transforms.exp(outputs.subColumnVector(max), false);
    p.diviColumnVector(p.sum(1));
    INDArray projection = p.mul(y).sum(1);
    return y.subColumnVector(projection).muli(p);
  }

  /** A random, non-orthonormal basis: Gaussian columns of norm about 1. */
  private INDArray basis() {
    long size = model.parameterCount();
    INDArray basis = Nd4j.create(DataType.DOUBLE, size, subspaceDimension());
    for (int d = 0; d < subspaceDimension(); d++) {
      basis.getColumn(d).assign(random("contract/basis", d).divi(Math.sqrt(size)));
    }
    return basis;
  }

  /** Sample 0 is θ = 0; the others are Gaussian with standard deviation 0.5. */
  private INDArray thetas() {
    INDArray thetas = Nd4j.create(DataType.DOUBLE, SAMPLES, subspaceDimension());
    RandomGenerator generator = new RandomKey(SEED, "contract/theta", 0).generator();
    for (int s = 1; s < SAMPLES; s++) {
      for (int d = 0; d < subspaceDimension(); d++) {
        thetas.putScalar(s, d, 0.5 * generator.nextGaussian());
      }
    }
    return thetas;
  }

  private INDArray random(String purpose, long index) {
    RandomGenerator generator = new RandomKey(SEED, purpose, index).generator();
    double[] values = new double[Math.toIntExact(model.parameterCount())];
    for (int i = 0; i < values.length; i++) {
      values[i] = generator.nextGaussian();
    }
    return Nd4j.createFromArray(values);
  }
}
