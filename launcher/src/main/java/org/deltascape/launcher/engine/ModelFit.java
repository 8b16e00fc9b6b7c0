package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Dataset;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.output.NpyFile;
import org.deltascape.models.training.EpochSummary;
import org.deltascape.models.training.Trainer;
import org.deltascape.models.training.TrainingDivergedException;
import org.deltascape.models.training.TrainingPlan;
import org.deltascape.models.training.TrainingResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The minimum w*: trained on all N examples from the config's {@code training} section and
 * training seed, or loaded from {@code model.weights}.
 *
 * @param weights w*, DOUBLE length P
 * @param trained whether it was trained here
 * @param history per epoch: epoch, mean loss, seconds (empty when loaded)
 * @param trajectory w after each epoch when asked for (empty otherwise, and when loaded)
 */
record ModelFit(
    INDArray weights, boolean trained, List<Map<String, Object>> history, List<INDArray> trajectory) {

  /** Where the weights of a diverged training run are kept, in the run folder. */
  static final String DIVERGED_WEIGHTS = "diverged-weights.npy";

  /** What a diverged run adds to the trainer's message: where the last good weights are. */
  static final String KEPT_WEIGHTS =
      "%s The weights of the last step whose loss was finite are in %s";

  /** A w* kept by a run's journal, as a fit (trained, as it was). */
  static ModelFit restored(RunJournal.SavedFit saved, long parameters) {
    if (saved.weights().length != parameters) {
      throw new DeltascapeException("the checkpoint holds " + saved.weights().length
          + " weights but the model has " + parameters + " parameters", "checkpoint",
          "Resume with the config the run was started with, or start afresh with --force");
    }
    List<INDArray> trajectory = new ArrayList<>();
    for (double[] w : saved.trajectory()) {
      trajectory.add(Nd4j.createFromArray(w).reshape(parameters));
    }
    return new ModelFit(Nd4j.createFromArray(saved.weights()).reshape(parameters), true,
        saved.history(), trajectory);
  }

  /** This fit as a journal keeps it. */
  RunJournal.SavedFit saved() {
    List<double[]> snapshots = new ArrayList<>();
    for (INDArray w : trajectory) {
      snapshots.add(w.dup().castTo(DataType.DOUBLE).data().asDouble());
    }
    return new RunJournal.SavedFit(weights.dup().castTo(DataType.DOUBLE).data().asDouble(),
        history, snapshots);
  }

  /**
   * Trains w* (or loads it). A training run whose loss stops being finite keeps its last good
   * weights in {@code folder/diverged-weights.npy} and says so.
   *
   * @throws DeltascapeException naming the epoch and step where the loss diverged
   */
  static ModelFit fit(Model model, Dataset train, ExperimentConfig config, boolean trajectory,
      Path folder, Progress progress) {
    try {
      return fit(model, train, config, trajectory, progress);
    } catch (TrainingDivergedException e) {
      INDArray good = e.lastGoodWeights();
      if (good == null || folder == null) {
        throw e;
      }
      Path file = folder.resolve(DIVERGED_WEIGHTS);
      NpyFile.writeDoubles(file, new long[] {good.length()},
          good.dup().castTo(DataType.DOUBLE).data().asDouble());
      throw new DeltascapeException(String.format(java.util.Locale.ROOT, KEPT_WEIGHTS,
          e.what() + ".", file), e.where(), e.fix(), e);
    }
  }

  static ModelFit fit(
      Model model, Dataset train, ExperimentConfig config, boolean trajectory, Progress progress) {
    if (config.weights() != null) {
      return new ModelFit(load(Path.of(config.weights()), model.parameterCount()), false, List.of(),
          List.of());
    }
    Settings section = config.training();
    TrainingPlan plan =
        TrainingPlan.of(section.string("optimizer"), section.real("learning-rate"),
                section.integer("epochs"), section.integer("batch-size"))
            .withMomentum(section.real("momentum"))
            .withWeightDecay(section.real("weight-decay"))
            .withSnapshots(trajectory);
    TrainingResult result = new Trainer(config.model().id()).train(model, train, plan,
        new RandomKey(config.seeds().training(), "training", 0), progress);
    List<Map<String, Object>> history = new ArrayList<>();
    for (EpochSummary epoch : result.history()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("epoch", epoch.epoch());
      entry.put("loss", epoch.meanLoss());
      entry.put("seconds", Math.round(epoch.seconds() * 1000) / 1000.0);
      history.add(entry);
    }
    return new ModelFit(result.weights(), true, history, result.snapshots());
  }

  private static INDArray load(Path file, long parameters) {
    NpyFile.Doubles array = NpyFile.readDoubles(file);
    if (array.values().length != parameters) {
      throw new DeltascapeException("the weights file holds " + array.values().length
          + " values but the model has " + parameters + " parameters", file.toString(),
          "Save w* of this very model (its layout is in a run's summary.json)");
    }
    for (int i = 0; i < array.values().length; i++) {
      if (!Double.isFinite(array.values()[i])) {
        throw new DeltascapeException("the weights file holds a non-finite value at index " + i,
            file.toString(), "Use weights from a training run that converged");
      }
    }
    return Nd4j.createFromArray(array.values()).castTo(DataType.DOUBLE).reshape(parameters);
  }
}
