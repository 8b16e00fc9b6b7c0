package org.deltascape.estimators.delta;

import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.Directions;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.api.TargetKind;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.curvature.DenseBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A test model whose per-example loss is a function of one linear score, {@code l_i(w) = φ(x_iᵀw,
 * y_i)}: squared error {@code ½(z − y)²} (linear regression, exactly quadratic in w) or logistic
 * {@code log(1 + e^{−yz})} (smooth, not quadratic). Gradient φ'·x_i and Hessian φ''·x_i x_iᵀ are
 * exact, so its restriction to w0 + Pθ has exact subspace derivatives. F features, N examples,
 * w0 = β + offset (not a minimum), P a random orthonormal F×D basis; all from seeded keys.
 */
final class LinearExamples {
  final int examples;
  final int features;
  final int dimension;
  final boolean logistic;
  final double[][] x;
  final double[] y;
  final double[] centre;
  final double[][] basis;

  LinearExamples(int examples, int features, int dimension, boolean logistic, long seed) {
    this.examples = examples;
    this.features = features;
    this.dimension = dimension;
    this.logistic = logistic;
    RandomGenerator random = new RandomKey(seed, "linear-examples", 0).generator();
    double[] beta = new double[features];
    centre = new double[features];
    for (int f = 0; f < features; f++) {
      beta[f] = random.nextGaussian();
      centre[f] = beta[f] + 0.3 * random.nextGaussian();
    }
    x = new double[examples][features];
    y = new double[examples];
    for (int i = 0; i < examples; i++) {
      double score = 0.0;
      for (int f = 0; f < features; f++) {
        x[i][f] = random.nextGaussian();
        score += x[i][f] * beta[f];
      }
      double noisy = score + 0.5 * random.nextGaussian();
      y[i] = logistic ? (noisy > 0 ? 1.0 : -1.0) : noisy;
    }
    basis = new double[features][dimension];
    for (int d = 0; d < dimension; d++) {
      double[] v = new double[features];
      for (int f = 0; f < features; f++) {
        v[f] = random.nextGaussian();
      }
      for (int e = 0; e < d; e++) {
        double dot = 0.0;
        for (int f = 0; f < features; f++) {
          dot += v[f] * basis[f][e];
        }
        for (int f = 0; f < features; f++) {
          v[f] -= dot * basis[f][e];
        }
      }
      double norm = 0.0;
      for (double value : v) {
        norm += value * value;
      }
      for (int f = 0; f < features; f++) {
        basis[f][d] = v[f] / Math.sqrt(norm);
      }
    }
  }

  /** φ and its first two derivatives in z, for example i. */
  double[] phi(int i, double z) {
    if (!logistic) {
      return new double[] {0.5 * (z - y[i]) * (z - y[i]), z - y[i], 1.0};
    }
    double margin = y[i] * z;
    double p = 1.0 / (1.0 + Math.exp(margin)); // σ(−yz)
    double loss = margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    return new double[] {loss, -y[i] * p, p * (1 - p)};
  }

  /** Per-example losses at w0 + Pθ_s, {@code n × N}. */
  INDArray losses(double[][] thetas) {
    double[][] out = new double[thetas.length][examples];
    double[] w = new double[features];
    for (int s = 0; s < thetas.length; s++) {
      for (int f = 0; f < features; f++) {
        w[f] = centre[f];
        for (int d = 0; d < dimension; d++) {
          w[f] += basis[f][d] * thetas[s][d];
        }
      }
      for (int i = 0; i < examples; i++) {
        out[s][i] = phi(i, dot(x[i], w))[0];
      }
    }
    return Nd4j.createFromArray(out);
  }

  /** Exact per-example value, D-gradient and D×D Hessian at w0. */
  ExampleDerivatives derivatives() {
    return derivativesAt(centre);
  }

  private ExampleDerivatives derivativesAt(double[] w) {
    double[] values = new double[examples];
    double[][] gradients = new double[examples][dimension];
    double[][][] hessians = new double[examples][dimension][dimension];
    for (int i = 0; i < examples; i++) {
      double[] phi = phi(i, dot(x[i], w));
      double[] u = new double[dimension];
      for (int d = 0; d < dimension; d++) {
        for (int f = 0; f < features; f++) {
          u[d] += basis[f][d] * x[i][f];
        }
      }
      values[i] = phi[0];
      for (int d = 0; d < dimension; d++) {
        gradients[i][d] = phi[1] * u[d];
        for (int e = 0; e < dimension; e++) {
          hessians[i][d][e] = phi[2] * u[d] * u[e];
        }
      }
    }
    return new ExampleDerivatives(
        Nd4j.createFromArray(values), Nd4j.createFromArray(gradients),
        Nd4j.createFromArray(hessians));
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int f = 0; f < a.length; f++) {
      sum += a[f] * b[f];
    }
    return sum;
  }

  /**
   * The model context the engine would give: this model, w0, P, the data as a batch of example
   * indices, the sampler and its key, prefix Hessians of an order, and the dense backend.
   */
  EstimationContext context(ThetaSampler sampler, RandomKey key, int[][] orders) {
    LinearExamples self = this;
    Model model = new Model() {
      @Override
      public ParameterLayout layout() {
        return new ParameterLayout(java.util.List.of(new ParameterTensor(
            "weight", java.util.List.of(features), 0, ParameterTensor.Role.WEIGHT, -1)));
      }

      @Override
      public DataType dataType() {
        return DataType.DOUBLE;
      }

      @Override
      public INDArray initialWeights(RandomKey k) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void losses(INDArray w, Batch batch, INDArray out) {
        throw new UnsupportedOperationException();
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
      public SubspaceModel restrict(INDArray w0, INDArray p) {
        double[] w = w0.castTo(DataType.DOUBLE).toDoubleVector();
        return new SubspaceModel() {
          @Override
          public int dimension() {
            return dimension;
          }

          @Override
          public void losses(INDArray thetas, Batch batch, INDArray out) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void derivatives(Batch batch, INDArray values, INDArray g, INDArray h) {
            ExampleDerivatives all = self.derivativesAt(w);
            int from = batch.features().getInt(0, 0);
            int n = batch.size();
            var rows = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + n);
            values.assign(all.values().get(rows));
            g.assign(all.gradients().get(rows, org.nd4j.linalg.indexing.NDArrayIndex.all()));
            h.assign(all.hessians().get(rows, org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all()));
          }
        };
      }
    };
    Dataset data = new Dataset() {
      @Override
      public String name() {
        return "linear-examples";
      }

      @Override
      public int size() {
        return examples;
      }

      @Override
      public java.util.List<Integer> inputShape() {
        return java.util.List.of(1);
      }

      @Override
      public int outputs() {
        return 1;
      }

      @Override
      public TargetKind targetKind() {
        return TargetKind.REGRESSION;
      }

      @Override
      public Batch batch(int from, int to, DataType type) {
        INDArray index = Nd4j.zeros(DataType.DOUBLE, to - from, 1).addi(from);
        return new Batch(index, index);
      }

      @Override
      public String sha256() {
        return "0";
      }
    };
    return new EstimationContext() {
      @Override
      public String spaceName() {
        return "random";
      }

      @Override
      public Model model() {
        return model;
      }

      @Override
      public INDArray weights() {
        return Nd4j.createFromArray(centre);
      }

      @Override
      public Directions directions() {
        return new Directions(Nd4j.createFromArray(basis), true, null);
      }

      @Override
      public Dataset data() {
        return data;
      }

      @Override
      public ThetaSampler sampler() {
        return sampler;
      }

      @Override
      public RandomKey samplingKey() {
        return key;
      }

      @Override
      public SymmetricOperator prefixHessian(int order, int count) {
        double[][] h = prefixHessianMatrix(orders[order], count);
        return new SymmetricOperator() {
          @Override
          public long dimension() {
            return features;
          }

          @Override
          public void apply(INDArray v, INDArray out) {
            out.assign(Nd4j.createFromArray(h).mmul(v.reshape(features, 1)).reshape(out.shape()));
          }
        };
      }

      @Override
      public EigenSolver solver(PluginChoice backend) {
        return new DenseBackend().create(backend.settings());
      }

      @Override
      public Progress progress() {
        return Progress.silent();
      }
    };
  }

  /** H_k at w0 over the first {@code count} positions of {@code order} (F×F, full space). */
  double[][] prefixHessianMatrix(int[] order, int count) {
    double[][] h = new double[features][features];
    for (int p = 0; p < count; p++) {
      int i = order[p];
      double curvature = phi(i, dot(x[i], centre))[2] / count;
      for (int f = 0; f < features; f++) {
        for (int g = 0; g < features; g++) {
          h[f][g] += curvature * x[i][f] * x[i][g];
        }
      }
    }
    return h;
  }
}
