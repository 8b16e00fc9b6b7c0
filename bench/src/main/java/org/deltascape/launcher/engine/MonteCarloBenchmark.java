package org.deltascape.launcher.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Estimator;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
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
 * Issue 6, target 2: the engine's Monte Carlo pass ({@link MonteCarloPass}) over S = {@value
 * #SAMPLES} samples of the paper's MLP in a random 10-D space, all 9,984 examples, 16 orders,
 * estimators monte-carlo and permutation-mean; effective rate {@code 2·P·N·S / time}.
 *
 * <p>{@code bench/run MonteCarlo}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MonteCarloBenchmark {
  /** One block of samples. */
  public static final int SAMPLES = MonteCarloPass.BLOCK;

  @Param({"1", "2"})
  public int threads;

  @Param({"float"})
  public String precision;

  private PaperFixture fixture;
  private SubspaceModel subspace;
  private ThetaSampler sampler;
  private DeltaProblem problem;
  private Map<String, Estimator> estimators;

  @Setup
  public void setUp() {
    ThreadPolicy.apply(threads);
    fixture = PaperFixture.of(precision);
    subspace = fixture.model.restrict(fixture.weights, fixture.randomBasis(3));
    sampler = PaperFixture.gaussian(1.0);
    int[][] orders = DataOrders.generate(7, 16, PaperFixture.EXAMPLES).orders();
    problem = new DeltaProblem(PaperFixture.EXAMPLES, 64, orders, PaperFixture.DIMENSION, SAMPLES,
        sampler.moments().orElse(null));
    estimators = new LinkedHashMap<>();
    for (String id : new String[] {"monte-carlo", "permutation-mean"}) {
      estimators.put(id, PaperFixture.estimator(id).prepared(problem, null));
    }
  }

  @Benchmark
  public java.util.List<Map<String, org.deltascape.api.PartialSums>> monteCarloPass() {
    RandomKey key = new RandomKey(7, "theta/bench", 0);
    LossSource losses = new ChunkedLosses(subspace, sampler, key, SAMPLES, fixture.chunks,
        Experiment.CHUNK, null);
    return MonteCarloPass.computer(losses, sampler, key, SAMPLES, PaperFixture.DIMENSION, problem,
        estimators, null, "bench").compute(0, 1);
  }
}
