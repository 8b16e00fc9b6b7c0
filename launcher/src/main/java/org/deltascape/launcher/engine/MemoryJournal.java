package org.deltascape.launcher.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.Directions;
import org.deltascape.api.PartialSums;

/**
 * A run journal held in memory: the fits (w* with its history and trajectory) and the directions
 * a run's stages produced, under the keys the experiment gives them. It is how whole points travel
 * to other JVMs: the driver fills one while it {@linkplain Experiment#prepare prepares} a plan
 * (through {@link #alongside}, so that its own checkpoints keep them too), sends it, and each
 * executor restores from it exactly what the driver computed, so that its points give the bits of
 * a run in one JVM without training or solving again.
 *
 * <p>Monte Carlo progress is not kept: a point run from this journal computes its passes whole.
 * Not thread-safe; each JVM (each task) works on its own deserialized copy.
 */
public final class MemoryJournal implements RunJournal, Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A w* as this journal keeps it.
   *
   * @param weights w*, length P
   * @param history per epoch: epoch, mean loss, seconds
   * @param trajectory w after each epoch, when the run asked for it (else empty)
   */
  private record KeptFit(double[] weights, List<Map<String, Object>> history,
      List<double[]> trajectory) implements Serializable {
    private static final long serialVersionUID = 1L;

    static KeptFit of(SavedFit fit) {
      List<Map<String, Object>> history = new ArrayList<>();
      fit.history().forEach(epoch -> history.add(new LinkedHashMap<>(epoch)));
      return new KeptFit(fit.weights(), history, new ArrayList<>(fit.trajectory()));
    }

    SavedFit saved() {
      return new SavedFit(weights, history, trajectory);
    }
  }

  /**
   * Directions as this journal keeps them.
   *
   * @param directions P, with the spectrum they came from
   * @param products the Hessian-vector products their construction used
   */
  private record KeptDirections(Directions directions, int products) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final Map<String, KeptFit> fits = new LinkedHashMap<>();
  private final Map<String, KeptDirections> directions = new LinkedHashMap<>();

  /** An empty journal. */
  public MemoryJournal() {}

  /** The keys of the fits kept, in the order they were kept. */
  public List<String> fitKeys() {
    return List.copyOf(fits.keySet());
  }

  /** The keys of the directions kept, in the order they were kept. */
  public List<String> directionsKeys() {
    return List.copyOf(directions.keySet());
  }

  /**
   * A journal that finds and keeps everything in {@code journal} (a run's checkpoints) and keeps a
   * copy here of every fit and directions that passes through it, found there or done.
   */
  public RunJournal alongside(RunJournal journal) {
    return new RunJournal() {
      @Override
      public Optional<SavedFit> savedFit(String fitKey) {
        Optional<SavedFit> saved = journal.savedFit(fitKey);
        saved.ifPresent(fit -> MemoryJournal.this.fitDone(fitKey, fit));
        return saved;
      }

      @Override
      public void fitDone(String fitKey, SavedFit fit) {
        journal.fitDone(fitKey, fit);
        MemoryJournal.this.fitDone(fitKey, fit);
      }

      @Override
      public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
        Optional<Map.Entry<Directions, Integer>> saved = journal.savedDirections(key);
        saved.ifPresent(kept -> MemoryJournal.this.directionsDone(key, kept.getKey(),
            kept.getValue()));
        return saved;
      }

      @Override
      public void directionsDone(String key, Directions built, int products) {
        journal.directionsDone(key, built, products);
        MemoryJournal.this.directionsDone(key, built, products);
      }

      @Override
      public Progress monteCarlo(int point, String space) {
        return journal.monteCarlo(point, space);
      }

      @Override
      public void monteCarloProgress(int point, String space, int samplesDone, int samples,
          Map<String, PartialSums> sums) {
        journal.monteCarloProgress(point, space, samplesDone, samples, sums);
      }
    };
  }

  @Override
  public Optional<SavedFit> savedFit(String fitKey) {
    return Optional.ofNullable(fits.get(fitKey)).map(KeptFit::saved);
  }

  @Override
  public void fitDone(String fitKey, SavedFit fit) {
    fits.put(fitKey, KeptFit.of(fit));
  }

  @Override
  public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
    return Optional.ofNullable(directions.get(key))
        .map(kept -> Map.entry(kept.directions(), kept.products()));
  }

  @Override
  public void directionsDone(String key, Directions built, int products) {
    directions.put(key, new KeptDirections(built, products));
  }

  @Override
  public Progress monteCarlo(int point, String space) {
    return Progress.NONE;
  }

  @Override
  public void monteCarloProgress(int point, String space, int samplesDone, int samples,
      Map<String, PartialSums> sums) {
    // a point run from this journal computes its passes whole: nothing to resume from
  }
}
