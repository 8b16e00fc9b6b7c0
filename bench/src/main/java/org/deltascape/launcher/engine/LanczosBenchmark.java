package org.deltascape.launcher.engine;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
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
 * Issue 6, targets 4 and 5. Lanczos for the top 10 eigenpairs of H of the paper's MLP at w* on
 * all 9,984 examples (no subsampling) to relative residual 1e-4 (target: ≤ 40 products in all;
 * {@link #solve} reports products and residuals); and the quadratic estimator's preparation, the
 * per-example value, 10-gradient and 10×10 Hessian of all 9,984 examples (target ≤ 10 s).
 *
 * <p>{@code bench/run Lanczos}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class LanczosBenchmark {
  /** Relative residual of target 4. */
  public static final double TOLERANCE = 1e-4;

  @Param({"1", "2"})
  public int threads;

  @Param({"float"})
  public String precision;

  private PaperFixture fixture;
  private DatasetHessian hessian;
  private EigenSolver solver;
  private org.deltascape.api.SubspaceModel subspace;

  @Setup
  public void setUp() {
    ThreadPolicy.apply(threads);
    fixture = PaperFixture.of(precision);
    hessian = new DatasetHessian(fixture.model, fixture.weights, fixture.chunks,
        DatasetHessian.Kind.HESSIAN);
    solver = lanczos();
    subspace = fixture.model.restrict(fixture.weights, fixture.randomBasis(3));
  }

  @Benchmark
  public Eigenpairs lanczosTop10() {
    return solver.topEigenpairs(hessian, PaperFixture.DIMENSION, new RandomKey(7, "bench", 0),
        Progress.silent());
  }

  @Benchmark
  public Object quadraticPreparation() {
    return ExampleDerivativesPass.run(subspace, fixture.chunks, PaperFixture.DIMENSION);
  }

  /** One solve, with the products it used: for the targets report. */
  public static String solve(String precision, int threads) {
    ThreadPolicy.apply(threads);
    PaperFixture fixture = PaperFixture.of(precision);
    int[] products = new int[1];
    CountingOperator hessian = new CountingOperator(new DatasetHessian(fixture.model,
        fixture.weights, fixture.chunks, DatasetHessian.Kind.HESSIAN), () -> products[0]++);
    long start = System.nanoTime();
    Eigenpairs pairs = lanczos().topEigenpairs(hessian, PaperFixture.DIMENSION,
        new RandomKey(7, "bench", 0), Progress.silent());
    double seconds = (System.nanoTime() - start) / 1e9;
    double worst = 0;
    for (double r : pairs.residuals()) {
      worst = Math.max(worst, r);
    }
    return String.format(java.util.Locale.ROOT,
        "lanczos top-10 (%s, %d threads): %d products in %.1f s, largest relative residual"
            + " %.2e, λ1 %.4g, λ10 %.4g, converged %s", precision, threads, products[0], seconds,
        worst, pairs.values()[0],
        pairs.values()[PaperFixture.DIMENSION - 1], pairs.converged());
  }

  private static EigenSolver lanczos() {
    for (CurvatureBackend backend : ServiceLoader.load(CurvatureBackend.class)) {
      if (backend.id().equals("lanczos")) {
        return backend.create(Settings.of("backend lanczos",
            Map.of("tolerance", TOLERANCE, "max-products", 50, "allow-unconverged", true)));
      }
    }
    throw new IllegalStateException("no lanczos backend on the classpath");
  }
}
