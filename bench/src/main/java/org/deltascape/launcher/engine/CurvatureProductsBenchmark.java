package org.deltascape.launcher.engine;

import java.util.concurrent.TimeUnit;
import org.deltascape.api.Batch;
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
 * Issue 6, target 3: the exact Hessian-vector product (Pearlmutter's R-operator) against a
 * gradient of the paper's MLP at w*, on the same batch: the engine's first data chunk of 4,096
 * examples. Target: HVP ≤ 2.5 × gradient.
 *
 * <p>{@code bench/run CurvatureProducts}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CurvatureProductsBenchmark {
  @Param({"1", "2"})
  public int threads;

  @Param({"float", "double"})
  public String precision;

  private PaperFixture fixture;
  private Batch batch;
  private INDArray v;
  private INDArray out;

  @Setup
  public void setUp() {
    ThreadPolicy.apply(threads);
    fixture = PaperFixture.of(precision);
    batch = fixture.chunks.iterator().next().batch();
    Nd4j.getRandom().setSeed(5);
    v = Nd4j.randn(DataType.DOUBLE, fixture.parameters());
    out = Nd4j.create(DataType.DOUBLE, fixture.parameters());
  }

  @Benchmark
  public double gradient() {
    return fixture.model.lossAndGradient(fixture.weights, batch, out);
  }

  @Benchmark
  public INDArray hessianVectorProduct() {
    fixture.model.hessianVectorProduct(fixture.weights, batch, v, out);
    return out;
  }
}
