package org.deltascape.launcher.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.random.RandomGenerator;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.datasets.idx.FashionMnistProvider;
import org.deltascape.launcher.output.NpyFile;
import org.deltascape.models.mlp.MlpProvider;
import org.deltascape.models.training.Trainer;
import org.deltascape.models.training.TrainingPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's setting for the benchmarks (issue 6): the first 9,984 Fashion-MNIST training images
 * (normalised with mean 0.1307, std 0.3081), the MLP 784-256-256-10 relu (269,322 parameters) in
 * the given precision, and its minimum w* after Adam (lr 1e-3, 10 epochs, batch 64, seed 7),
 * trained once and cached under {@code java.io.tmpdir} so that every fork reuses it.
 *
 * <p>It lives in the engine's package so that the benchmarks time the engine's own passes
 * ({@link MonteCarloPass}, {@link ExampleDerivativesPass}, {@link DatasetHessian}), not copies.
 */
public final class PaperFixture {
  /** N: 156 blocks of 64. */
  public static final int EXAMPLES = 9984;

  /** D of both spaces. */
  public static final int DIMENSION = 10;

  final Dataset train;
  final Model model;
  final INDArray weights;
  final DataChunks chunks;

  private PaperFixture(Dataset train, Model model, INDArray weights, DataChunks chunks) {
    this.train = train;
    this.model = model;
    this.weights = weights;
    this.chunks = chunks;
  }

  /** The fixture in {@code float} or {@code double}. */
  public static PaperFixture of(String precision) {
    DataType type = "float".equals(precision) ? DataType.FLOAT : DataType.DOUBLE;
    Dataset train = new FashionMnistProvider().load(
        Settings.of("dataset fashion-mnist", Map.of("download", false, "limit", EXAMPLES,
            "normalize", Map.of("mean", 0.1307, "std", 0.3081))),
        new DatasetContext(7, Progress.silent())).train();
    Model model = new MlpProvider().create(
        Settings.of("model mlp", Map.of("hidden", List.of(256, 256), "activation", "relu")),
        ModelContext.of(train, type));
    return new PaperFixture(train, model, minimum(model, train, precision),
        new DataChunks(train, type, Experiment.CHUNK));
  }

  /** P. */
  public long parameters() {
    return model.parameterCount();
  }

  /** A random orthonormal P × D basis (Gram–Schmidt of Gaussian columns, seeded). */
  INDArray randomBasis(long seed) {
    return orthonormal(model.parameterCount(), DIMENSION, seed);
  }

  /** A random orthonormal {@code size × dimension} basis (Gram–Schmidt of Gaussian columns). */
  static INDArray orthonormal(long size, int dimension, long seed) {
    int p = Math.toIntExact(size);
    double[][] columns = new double[dimension][p];
    RandomGenerator random = new RandomKey(seed, "bench/directions", 0).generator();
    for (int d = 0; d < dimension; d++) {
      for (int i = 0; i < p; i++) {
        columns[d][i] = random.nextGaussian();
      }
      for (int e = 0; e < d; e++) {
        double dot = 0;
        for (int i = 0; i < p; i++) {
          dot += columns[d][i] * columns[e][i];
        }
        for (int i = 0; i < p; i++) {
          columns[d][i] -= dot * columns[e][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < p; i++) {
        norm += columns[d][i] * columns[d][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < p; i++) {
        columns[d][i] /= norm;
      }
    }
    return Nd4j.createFromArray(columns).transpose().dup('c');
  }

  /** The run's Gaussian θ sampler at σ. */
  static ThetaSampler gaussian(double sigma) {
    for (Sampler sampler : ServiceLoader.load(Sampler.class)) {
      if (sampler.id().equals("gaussian")) {
        return sampler.create(Settings.of("sampler gaussian", Map.of("sigma", sigma)), DIMENSION);
      }
    }
    throw new IllegalStateException("no gaussian sampler on the classpath");
  }

  /** A delta estimator plugin by id, with its defaults. */
  static Estimator estimator(String id) {
    for (DeltaEstimator estimator : ServiceLoader.load(DeltaEstimator.class)) {
      if (estimator.id().equals(id)) {
        return estimator.create(Settings.of("estimator " + id, Map.of()));
      }
    }
    throw new IllegalStateException("no estimator " + id + " on the classpath");
  }

  private static INDArray minimum(Model model, Dataset train, String precision) {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "deltascape-bench",
        "paper-mlp-" + precision + ".npy");
    if (Files.exists(cache)) {
      return Nd4j.createFromArray(NpyFile.readDoubles(cache).values());
    }
    INDArray w = new Trainer("mlp").train(model, train, TrainingPlan.of("adam", 1e-3, 10, 64),
        new RandomKey(7, "training", 0), Progress.silent()).weights();
    try {
      Files.createDirectories(cache.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    NpyFile.writeDoubles(cache, new long[] {w.length()}, w.toDoubleVector());
    return w;
  }
}
