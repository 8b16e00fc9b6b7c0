package org.deltascape.launcher.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.datasets.idx.FashionMnistProvider;
import org.deltascape.launcher.output.NpyFile;
import org.deltascape.models.cnn.CnnProvider;
import org.deltascape.models.training.Trainer;
import org.deltascape.models.training.TrainingPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CNN of {@code configs/paper-fashion-mnist-cnn.yaml} for the benchmarks: the first 9,984
 * Fashion-MNIST training images as 1×28×28 (normalised with the dataset's 0.2860/0.3530), the
 * default {@code cnn} (conv 5×5 same, relu, max-pool 2, 16 then 32 channels, dense to 10; 28,938
 * parameters) in float32, and its minimum w* after Adam (lr 1e-3, 10 epochs, batch 64, seed 7),
 * trained once and cached under {@code java.io.tmpdir} so that every fork, and a run of the code
 * before a change, use the same w*.
 */
public final class CnnFixture {
  /** N. */
  public static final int EXAMPLES = 9984;

  final Dataset train;
  final Model model;
  final INDArray weights;
  final DataChunks chunks;

  private CnnFixture(Dataset train, Model model, INDArray weights, DataChunks chunks) {
    this.train = train;
    this.model = model;
    this.weights = weights;
    this.chunks = chunks;
  }

  /** The fixture in float32. */
  public static CnnFixture load() {
    Dataset train = new FashionMnistProvider().load(
        Settings.of("dataset fashion-mnist",
            Map.of("download", false, "limit", EXAMPLES, "flatten", false)),
        new DatasetContext(7, Progress.silent())).train();
    Model model = new CnnProvider().create(Settings.of("model cnn", Map.of()),
        ModelContext.of(train, DataType.FLOAT));
    return new CnnFixture(train, model, minimum(model, train),
        new DataChunks(train, DataType.FLOAT, Experiment.CHUNK));
  }

  /** P. */
  public long parameters() {
    return model.parameterCount();
  }

  private static INDArray minimum(Model model, Dataset train) {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "deltascape-bench",
        "paper-cnn-float.npy");
    if (Files.exists(cache)) {
      return Nd4j.createFromArray(NpyFile.readDoubles(cache).values());
    }
    INDArray w = new Trainer("cnn").train(model, train, TrainingPlan.of("adam", 1e-3, 10, 64),
        new RandomKey(7, "training", 0), Progress.silent()).weights();
    try {
      Files.createDirectories(cache.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NpyFile.writeDoubles(cache, new long[] {w.length()}, w.toDoubleVector());
    return w;
  }
}
