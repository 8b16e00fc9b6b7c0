package org.deltascape.launcher.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.Directions;
import org.deltascape.api.PartialSums;

/**
 * Where an experiment records what each stage produced and finds what an earlier, interrupted
 * run of the same config already produced: w* with its history, each space's directions, and
 * each space's Monte Carlo sums at a block boundary. Restoring any of these must give exactly the
 * numbers an uninterrupted run computes, so that a resumed run writes byte-identical results.
 *
 * <p>Keys are strings derived from the config alone (never from timing or discovery order).
 * Implementations are used from the experiment's thread only.
 */
public interface RunJournal {

  /**
   * A trained w* as it was kept.
   *
   * @param weights w*, length P
   * @param history per epoch: epoch, mean loss, seconds
   * @param trajectory w after each epoch, when the run asked for it (else empty)
   */
  record SavedFit(double[] weights, List<Map<String, Object>> history, List<double[]> trajectory) {}

  /**
   * Monte Carlo progress of one space of one point.
   *
   * @param samplesDone samples whose sums are kept, a multiple of 64 or all of them
   * @param sums each estimator's sums over {@code [0, samplesDone)}
   */
  record Progress(int samplesDone, Map<String, PartialSums> sums) {
    /** No progress. */
    public static final Progress NONE = new Progress(0, Map.of());
  }

  /** The w* kept under {@code fitKey}, if any. */
  Optional<SavedFit> savedFit(String fitKey);

  /** Keeps w* (trained here) under {@code fitKey}. */
  void fitDone(String fitKey, SavedFit fit);

  /** The directions kept under {@code key} with the products their construction used. */
  Optional<Map.Entry<Directions, Integer>> savedDirections(String key);

  /** Keeps directions under {@code key}. */
  void directionsDone(String key, Directions directions, int products);

  /** The Monte Carlo progress kept for a space of a point ({@link Progress#NONE} if none). */
  Progress monteCarlo(int point, String space);

  /**
   * Called after every block of the Monte Carlo pass; an implementation may keep only some calls
   * (throttled) but must keep the last, where {@code samplesDone == samples}.
   */
  void monteCarloProgress(int point, String space, int samplesDone, int samples,
      Map<String, PartialSums> sums);

  /** A journal that keeps nothing and finds nothing. */
  RunJournal NONE = new RunJournal() {
    @Override
    public Optional<SavedFit> savedFit(String fitKey) {
      return Optional.empty();
    }

    @Override
    public void fitDone(String fitKey, SavedFit fit) {}

    @Override
    public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
      return Optional.empty();
    }

    @Override
    public void directionsDone(String key, Directions directions, int products) {}

    @Override
    public Progress monteCarlo(int point, String space) {
      return Progress.NONE;
    }

    @Override
    public void monteCarloProgress(int point, String space, int samplesDone, int samples,
        Map<String, PartialSums> sums) {}
  };
}
