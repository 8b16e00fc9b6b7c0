package org.deltascape.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deltascape.api.Batch;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.datasets.idx.FashionMnistProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's speed target: loading the 60,000 Fashion-MNIST training images (Debian's
 * dataset-fashion-mnist: gunzip, SHA-256 verification, structure checks) into the form the
 * models use (one FLOAT batch of 60,000 × 784, normalised) takes under 1.5 s.
 *
 * <p>{@code bench/run FashionMnistLoad}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class FashionMnistLoadBenchmark {

  @Benchmark
  public Batch loadSixtyThousandImages() {
    LoadedData data = new FashionMnistProvider().load(
        Settings.of("dataset fashion-mnist", Map.of("download", false)),
        new DatasetContext(1, Progress.silent()));
    return data.train().all(DataType.FLOAT);
  }
}
