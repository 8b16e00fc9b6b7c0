package org.deltascape.estimators.delta;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.PartialSums;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Monte Carlo of Δ_k with the second-order Taylor model as a control variate (PAPER.md,
 * "Estimators of Δ_k", 1 and 2): {@code Δ_k = E inc_q² + E(inc² − inc_q²)}, where inc_q is the
 * increment of the quadratic model {@code q_i(θ) = l_i(w*) + (Pᵀ∇l_i)ᵀθ + ½θᵀ(Pᵀ∇²l_iP)θ} at the
 * same θ_s as inc. The first term is the closed form of {@link Quadratic} (exact), the second is
 * averaged over samples; where the loss is close to quadratic the remainder is small and varies
 * little, so the standard error falls by the square root of the variance-reduction factor {@code
 * Var_s(mean_r inc²) / Var_s(mean_r (inc² − inc_q²))}, reported per k (median, min, max in the
 * notes; the factor is 1 for a useless and ∞ for an exact model).
 *
 * <p>The per-example model values at θ_s of a block come from two matrix products (θ·Gᵀ and
 * (θ⊗θ)·vec(H)ᵀ); then, as in {@link MonteCarlo}, one walk per (sample, order) forms both
 * increments by {@code (block mean − prefix mean)/(k+1)}. The standard error is MonteCarlo's for
 * the crossed design. The engine must bind the derivatives with {@link #prepared} before the
 * pass, and hand the θ of each block with the four-argument {@code accumulate}. Sums: {@link
 * ControlVariateLayout}. Immutable and thread-safe.
 */
final class ControlVariate implements Estimator {
  private final String id;
  private final INDArray values;
  private final INDArray gradientsT;
  private final INDArray hessiansT;

  ControlVariate(String id) {
    this(id, null, null, null);
  }

  private ControlVariate(String id, INDArray values, INDArray gradientsT, INDArray hessiansT) {
    this.id = id;
    this.values = values;
    this.gradientsT = gradientsT;
    this.hessiansT = hessiansT;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(EstimatorInput.LOSS_SAMPLES, EstimatorInput.DERIVATIVES);
  }

  @Override
  public Estimator prepared(DeltaProblem problem, ExampleDerivatives derivatives) {
    if (derivatives == null) {
      throw new IllegalArgumentException(id + " needs the per-example derivatives");
    }
    long examples = derivatives.values().length();
    long dimension = derivatives.gradients().size(1);
    INDArray v = derivatives.values().castTo(DataType.DOUBLE).reshape(1, examples).dup('c');
    INDArray g = derivatives.gradients().castTo(DataType.DOUBLE).transpose().dup('c');
    INDArray h =
        derivatives.hessians().castTo(DataType.DOUBLE).dup('c')
            .reshape('c', examples, dimension * dimension).transpose().dup('c');
    return new ControlVariate(id, v, g, h);
  }

  @Override
  public PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
    throw new IllegalStateException(
        id + " needs the θ of every sample: call accumulate(problem, first, thetas, losses) on the"
            + " estimator returned by prepared(problem, derivatives)");
  }

  @Override
  public PartialSums accumulate(
      DeltaProblem problem, long first, INDArray thetas, INDArray losses) {
    if (values == null) {
      throw new IllegalStateException(id + " was not prepared with the per-example derivatives");
    }
    int n = losses.rows();
    int examples = problem.examples();
    double[] flat = LossMatrix.rowMajor(losses, examples);
    double[] model = TaylorIncrements.flat(modelLosses(thetas, n));
    int steps = problem.steps();
    int b = problem.blockSize();
    int[][] orders = problem.orders();
    int orderCount = orders.length;
    ControlVariateLayout layout = new ControlVariateLayout(orderCount, steps);
    double[] sums = new double[layout.length()];
    double[] remainder = new double[steps];
    double[] plain = new double[steps];
    for (int s = 0; s < n; s++) {
      int base = s * examples;
      Arrays.fill(remainder, 0.0);
      Arrays.fill(plain, 0.0);
      for (int r = 0; r < orderCount; r++) {
        int[] order = orders[r];
        double prefix = 0.0;
        double prefixModel = 0.0;
        for (int p = 0; p < b; p++) {
          prefix += flat[base + order[p]];
          prefixModel += model[base + order[p]];
        }
        int p = b;
        for (int j = 0; j < steps; j++) {
          int k = j + 1;
          double block = 0.0;
          double blockModel = 0.0;
          for (int end = p + b; p < end; p++) {
            block += flat[base + order[p]];
            blockModel += model[base + order[p]];
          }
          double scale = 1.0 / ((double) k * b);
          double increment = (block / b - prefix * scale) / (k + 1);
          double modelIncrement = (blockModel / b - prefixModel * scale) / (k + 1);
          double square = increment * increment;
          double x = square - modelIncrement * modelIncrement;
          sums[layout.remainders(r, j)] += x;
          sums[layout.squares(r, j)] += square;
          remainder[j] += x / orderCount;
          plain[j] += square / orderCount;
          prefix += block;
          prefixModel += blockModel;
        }
      }
      for (int j = 0; j < steps; j++) {
        sums[layout.remainderMeanSquares(j)] += remainder[j] * remainder[j];
        sums[layout.plainMeanSquares(j)] += plain[j] * plain[j];
      }
    }
    return new PartialSums(id, first, n, sums);
  }

  /** {@code q_i(θ_s)} for the block, {@code n × N}. */
  private INDArray modelLosses(INDArray thetas, int n) {
    int dimension = gradientsT.rows();
    if (thetas.rank() != 2 || thetas.rows() != n || thetas.columns() != dimension) {
      throw new IllegalArgumentException(
          "thetas must be " + n + " × " + dimension + ", not " + Arrays.toString(thetas.shape()));
    }
    double[] theta = TaylorIncrements.flat(thetas);
    double[] outer = new double[n * dimension * dimension];
    for (int s = 0; s < n; s++) {
      int row = s * dimension;
      int out = row * dimension;
      for (int d = 0; d < dimension; d++) {
        double x = 0.5 * theta[row + d];
        for (int e = 0; e < dimension; e++) {
          outer[out++] = x * theta[row + e];
        }
      }
    }
    INDArray quadratic =
        Nd4j.create(outer, new long[] {n, (long) dimension * dimension}, 'c').mmul(hessiansT);
    INDArray linear = Nd4j.create(theta, new long[] {n, dimension}, 'c').mmul(gradientsT);
    return quadratic.addi(linear).addiRowVector(values);
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    int steps = problem.steps();
    int orderCount = problem.orderCount();
    ControlVariateLayout layout = new ControlVariateLayout(orderCount, steps);
    PartialSums partial = inputs.sums();
    if (partial == null || !partial.estimator().equals(id)
        || partial.sums().length != layout.length()) {
      throw new IllegalArgumentException(id + " needs its own partial sums");
    }
    DeltaCurve exact =
        new Quadratic(id, Integer.MAX_VALUE, 2)
            .estimate(problem, new EstimationInputs(null, inputs.derivatives()));
    double[] sums = partial.sums();
    double samples = partial.count();
    double[][] perOrder = new double[orderCount][steps];
    double[] delta = new double[steps];
    double[] stdError = new double[steps];
    double[] reduction = new double[steps];
    for (int j = 0; j < steps; j++) {
      double remainderMean = 0.0;
      double plainMean = 0.0;
      for (int r = 0; r < orderCount; r++) {
        double remainder = sums[layout.remainders(r, j)] / samples;
        perOrder[r][j] = exact.perOrder()[r][j] + remainder;
        delta[j] += perOrder[r][j] / orderCount;
        remainderMean += remainder / orderCount;
        plainMean += sums[layout.squares(r, j)] / samples / orderCount;
      }
      double betweenOrders = 0.0;
      for (int r = 0; r < orderCount; r++) {
        betweenOrders += (perOrder[r][j] - delta[j]) * (perOrder[r][j] - delta[j]);
      }
      double overOrders = orderCount > 1 ? betweenOrders / (orderCount - 1) / orderCount : 0.0;
      double remainderVariance =
          MonteCarlo.sampleVariance(sums[layout.remainderMeanSquares(j)], remainderMean, samples);
      double plainVariance =
          MonteCarlo.sampleVariance(sums[layout.plainMeanSquares(j)], plainMean, samples);
      stdError[j] = Math.sqrt(overOrders + remainderVariance / samples);
      reduction[j] = plainVariance / remainderVariance;
    }
    double[] sorted = reduction.clone();
    Arrays.sort(sorted);
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put(
        "control-variate",
        "second-order Taylor model at w*: its Δ_k exact, Monte Carlo of the remainder");
    notes.put("variance-reduction-median", sorted[steps / 2]);
    notes.put("variance-reduction-min", sorted[0]);
    notes.put("variance-reduction-max", sorted[steps - 1]);
    notes.put("variance-reduction", java.util.List.of(Arrays.stream(reduction).boxed().toArray()));
    notes.put(
        "std-error",
        "variance over orders / R + variance of the remainder over samples / S (slightly"
            + " conservative)");
    return new DeltaCurve(delta, stdError, perOrder, null, notes);
  }
}
