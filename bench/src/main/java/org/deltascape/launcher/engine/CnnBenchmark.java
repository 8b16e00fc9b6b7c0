package org.deltascape.launcher.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Estimator;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CNN of {@code configs/paper-fashion-mnist-cnn.yaml} at its w* ({@link CnnFixture}), float32,
 * over all 9,984 examples in the engine's data chunks: the mean loss's forward pass, its gradient,
 * one exact Hessian-vector product as Lanczos applies it ({@link DatasetHessian}), and the engine's
 * Monte Carlo pass ({@link MonteCarloPass}) over {@value #SAMPLES} θ samples of a random 10-D
 * space at σ = 1 with 16 orders and estimators monte-carlo and permutation-mean. Each operation
 * takes seconds, so each iteration is one call.
 *
 * <p>{@code bench/run Cnn}, or {@code bench/cnn} for the figures as ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class CnnBenchmark {
  /** θ samples per Monte Carlo operation. */
  public static final int SAMPLES = 8;

  /** D of the Monte Carlo space. */
  public static final int DIMENSION = 10;

  @Param({"1"})
  public int threads;

  private CnnFixture fixture;
  private DatasetHessian hessian;
  private INDArray v;
  private INDArray out;
  private SubspaceModel subspace;
  private ThetaSampler sampler;
  private DeltaProblem problem;
  private Map<String, Estimator> estimators;

  @Setup
  public void setUp() {
    ThreadPolicy.apply(threads);
    fixture = CnnFixture.load();
    hessian = new DatasetHessian(fixture.model, fixture.weights, fixture.chunks,
        DatasetHessian.Kind.HESSIAN);
    Nd4j.getRandom().setSeed(5);
    v = Nd4j.randn(DataType.DOUBLE, fixture.parameters());
    out = Nd4j.create(DataType.DOUBLE, fixture.parameters());
    subspace = fixture.model.restrict(fixture.weights,
        PaperFixture.orthonormal(fixture.parameters(), DIMENSION, 3));
    sampler = PaperFixture.gaussian(1.0);
    int[][] orders = DataOrders.generate(7, 16, CnnFixture.EXAMPLES).orders();
    problem = new DeltaProblem(CnnFixture.EXAMPLES, 64, orders, DIMENSION, SAMPLES,
        sampler.moments().orElse(null));
    estimators = new LinkedHashMap<>();
    for (String id : new String[] {"monte-carlo", "permutation-mean"}) {
      estimators.put(id, PaperFixture.estimator(id).prepared(problem, null));
    }
  }

  /** The per-example losses of all 9,984 examples (the forward pass). */
  @Benchmark
  public INDArray forward() {
    INDArray last = null;
    for (DataChunks.Chunk chunk : fixture.chunks) {
      last = Nd4j.create(DataType.DOUBLE, chunk.batch().size());
      fixture.model.losses(fixture.weights, chunk.batch(), last);
    }
    return last;
  }

  /** The mean loss's gradient over all 9,984 examples, chunk by chunk. */
  @Benchmark
  public double gradient() {
    double sum = 0;
    for (DataChunks.Chunk chunk : fixture.chunks) {
      sum += chunk.batch().size() * fixture.model.lossAndGradient(fixture.weights, chunk.batch(),
          out);
    }
    return sum;
  }

  /** One product Hv over all 9,984 examples, as the Lanczos backend applies H. */
  @Benchmark
  public INDArray hessianVectorProduct() {
    hessian.apply(v, out);
    return out;
  }

  /** The engine's Monte Carlo pass over {@value #SAMPLES} samples and all 9,984 examples. */
  @Benchmark
  public java.util.List<java.util.Map<String, org.deltascape.api.PartialSums>> monteCarloPass() {
    RandomKey key = new RandomKey(7, "theta/bench", 0);
    LossSource losses = new ChunkedLosses(subspace, sampler, key, SAMPLES, fixture.chunks,
        Experiment.CHUNK, null);
    return MonteCarloPass.computer(losses, sampler, key, SAMPLES, subspace.dimension(), problem,
        estimators, null, "bench").compute(0, (SAMPLES + MonteCarloPass.BLOCK - 1) / MonteCarloPass.BLOCK);
  }
}
