package org.deltascape.models.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.Model;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains any {@link Model} by mini-batch Adam or SGD on a whole dataset, finding the w* that
 * deltascape then probes.
 *
 * <p>Deterministic: the same model, data, plan, initial weights and key give bit-identical weights
 * on the same machine. Randomness enters only through the key: the order of epoch e (1-based) is a
 * permutation drawn from {@code key.at(e)} alone, and, when no initial weights are given, they are
 * {@code model.initialWeights(key.child("init"))}.
 *
 * <p>Each step evaluates the mean loss and gradient of one mini-batch and updates w; if a loss is
 * NaN or infinite, training stops with a {@link TrainingDivergedException} that keeps the last
 * weights whose loss was finite. Progress is reported once per epoch. Instances are stateless and
 * thread-safe; the model is not, so train one model per thread.
 */
public final class Trainer {
  private final String label;

  /** A trainer that names its task "training model". */
  public Trainer() {
    this("model");
  }

  /** A trainer that names its task and its errors "training {@code label}" ({@code "mlp"}). */
  public Trainer(String label) {
    this.label = Objects.requireNonNull(label, "label");
  }

  /** Trains from {@code model.initialWeights(key.child("init"))}. */
  public TrainingResult train(
      Model model, Dataset data, TrainingPlan plan, RandomKey key, Progress progress) {
    return train(model, data, plan, model.initialWeights(key.child("init")), key, progress);
  }

  /**
   * Trains from the given initial weights (not modified).
   *
   * @param initialWeights DOUBLE length P
   * @param key the training stream; epoch e's order comes from {@code key.at(e)}
   * @throws TrainingDivergedException when a mini-batch's loss is not finite
   */
  public TrainingResult train(
      Model model,
      Dataset data,
      TrainingPlan plan,
      INDArray initialWeights,
      RandomKey key,
      Progress progress) {
    long size = model.parameterCount();
    if (initialWeights.length() != size) {
      throw new IllegalArgumentException(
          "initial weights have " + initialWeights.length() + " elements, the model " + size);
    }
    Batch all = data.all(model.dataType());
    MiniBatches batches = new MiniBatches(all, plan.batchSize());
    Optimizer optimizer = Optimizer.of(plan, size);
    INDArray w = Nd4j.create(DataType.DOUBLE, size).assign(initialWeights.reshape(size));
    INDArray lastGood = w.dup();
    INDArray gradient = Nd4j.create(DataType.DOUBLE, size);
    List<EpochSummary> history = new ArrayList<>();
    List<INDArray> snapshots = new ArrayList<>();
    int steps = batches.steps();
    try (Progress.Task task = progress.start("training " + label, plan.epochs(), "epochs")) {
      for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
        long start = System.nanoTime();
        int[] order = MiniBatches.order(key.at(epoch), all.size());
        double total = 0;
        for (int step = 0; step < steps; step++) {
          double loss = model.lossAndGradient(w, batches.batch(order, step), gradient);
          if (!Double.isFinite(loss)) {
            throw diverged(plan, epoch, step + 1, steps, loss, lastGood);
          }
          lastGood.assign(w);
          total += loss;
          optimizer.step(w, gradient);
        }
        double mean = total / steps;
        history.add(new EpochSummary(epoch, mean, (System.nanoTime() - start) / 1e9));
        if (plan.snapshots()) {
          snapshots.add(w.dup());
        }
        task.advance(1);
        task.status(String.format(Locale.ROOT, "loss %.4g", mean));
      }
    }
    return new TrainingResult(w, history, snapshots);
  }

  private TrainingDivergedException diverged(
      TrainingPlan plan, int epoch, int step, int steps, double loss, INDArray lastGood) {
    String what =
        "the loss became "
            + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+∞" : "−∞")
            + " at step "
            + step
            + " of "
            + steps
            + " in epoch "
            + epoch
            + " of "
            + plan.epochs();
    BigDecimal rate = BigDecimal.valueOf(plan.learningRate());
    String fix =
        "Lower training.learning-rate (now "
            + decimal(rate)
            + "), for example to "
            + decimal(rate.movePointLeft(1))
            + ", and run again";
    return new TrainingDivergedException(what, "training " + label, fix, epoch, step, lastGood);
  }

  /** Plain notation between 10⁻⁴ and 10⁷ ({@code 0.001}, {@code 50}), else {@code 1E+30}. */
  private static String decimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    double magnitude = Math.abs(value.doubleValue());
    return magnitude >= 1e-4 && magnitude < 1e7 ? stripped.toPlainString() : stripped.toString();
  }
}
