package org.deltascape.launcher.engine;

import java.util.concurrent.TimeUnit;
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
 * The float32 GEMM rate ND4J reaches here (the yardstick of issue 6, target 2): {@code C = A·B}
 * with square {@value #SIZE} matrices into a preallocated C; rate = 2·n³ / time.
 *
 * <p>{@code bench/run Gemm}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class GemmBenchmark {
  /** n of the square matrices. */
  public static final int SIZE = 2048;

  @Param({"1", "2"})
  public int threads;

  private INDArray a;
  private INDArray b;
  private INDArray c;

  @Setup
  public void setUp() {
    ThreadPolicy.apply(threads);
    Nd4j.getRandom().setSeed(1);
    a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
    b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
    c = Nd4j.create(DataType.FLOAT, SIZE, SIZE);
  }

  @Benchmark
  public INDArray floatGemm() {
    return a.mmul(b, c);
  }
}
