package org.deltascape.models.training;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.DeltascapeException;

/**
 * How to train a model: the optimizer and its settings, the number of epochs and the mini-batch
 * size. Immutable; every instance is valid (the constructor checks all values and reports every
 * fault at once in one {@link DeltascapeException}).
 *
 * @param optimizer {@value #ADAM} (PyTorch's defaults: β1 0.9, β2 0.999, ε 1e-8, bias correction)
 *     or {@value #SGD} (optionally with heavy-ball momentum, PyTorch's form)
 * @param learningRate the step size, finite and positive
 * @param epochs passes over the data, at least 1
 * @param batchSize examples per mini-batch, at least 1 (the last batch of an epoch may be smaller;
 *     it is kept)
 * @param momentum SGD's momentum in [0, 1); must be 0 for Adam
 * @param weightDecay L2 penalty coefficient added to the gradient ({@code g + λw}, as PyTorch's
 *     {@code weight_decay}), finite and at least 0
 * @param snapshots whether to keep a copy of w at the end of every epoch (for trajectory PCA)
 */
public record TrainingPlan(
    String optimizer,
    double learningRate,
    int epochs,
    int batchSize,
    double momentum,
    double weightDecay,
    boolean snapshots) {

  /** The Adam optimizer's name. */
  public static final String ADAM = "adam";

  /** Stochastic gradient descent's name. */
  public static final String SGD = "sgd";

  public TrainingPlan {
    List<String> faults = new ArrayList<>();
    if (!ADAM.equals(optimizer) && !SGD.equals(optimizer)) {
      faults.add("optimizer = " + optimizer + ", expected adam or sgd");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      faults.add("learning-rate = " + learningRate + ", expected a finite number > 0");
    }
    if (epochs < 1) {
      faults.add("epochs = " + epochs + ", expected at least 1");
    }
    if (batchSize < 1) {
      faults.add("batch-size = " + batchSize + ", expected at least 1");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      faults.add("momentum = " + momentum + ", expected a number >= 0 and < 1");
    } else if (momentum != 0 && ADAM.equals(optimizer)) {
      faults.add("momentum = " + momentum + " applies to sgd only; Adam has its own β1 = 0.9");
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      faults.add("weight-decay = " + weightDecay + ", expected a finite number >= 0");
    }
    if (!faults.isEmpty()) {
      throw new DeltascapeException(
          String.join("; ", faults), "training", "Correct the training settings and run again");
    }
  }

  /** A plan without momentum, weight decay or snapshots. */
  public static TrainingPlan of(String optimizer, double learningRate, int epochs, int batchSize) {
    return new TrainingPlan(optimizer, learningRate, epochs, batchSize, 0.0, 0.0, false);
  }

  /** This plan with SGD momentum {@code value}. */
  public TrainingPlan withMomentum(double value) {
    return new TrainingPlan(
        optimizer, learningRate, epochs, batchSize, value, weightDecay, snapshots);
  }

  /** This plan with weight decay {@code value}. */
  public TrainingPlan withWeightDecay(double value) {
    return new TrainingPlan(optimizer, learningRate, epochs, batchSize, momentum, value, snapshots);
  }

  /** This plan, keeping (or not) a snapshot of w after every epoch. */
  public TrainingPlan withSnapshots(boolean value) {
    return new TrainingPlan(
        optimizer, learningRate, epochs, batchSize, momentum, weightDecay, value);
  }
}
