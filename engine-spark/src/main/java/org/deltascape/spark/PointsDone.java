package org.deltascape.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.launcher.engine.RunResult;

/**
 * What a Spark task of whole points sends back (as {@link JavaBytes}): the results of its points,
 * in its slice's order, up to the first point that failed with a user-facing fault, which is sent
 * back as a value rather than failing the task: it is deterministic, so Spark's retries could not
 * help (a diverged training would be trained again on every attempt), and the driver reports the
 * fault of the lowest point, as the single-JVM engine does.
 *
 * @param results the results of the slice's first points (without config and folder)
 * @param failedPoint the index of the point that failed, or -1
 * @param fault its fault, or null
 */
record PointsDone(List<RunResult> results, int failedPoint, BlockSums.Fault fault)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The results of every slice's points in the order of {@code indices}, or the fault of the
   * lowest point that failed, thrown. Each slice stops at its first fault, so the lowest of the
   * slices' faults is the lowest point that fails at all: the one a single JVM, running the points
   * in order, stops at.
   *
   * @param done per slice, what its task sent back
   */
  static List<RunResult> inOrder(List<PointSlice> slices, List<PointsDone> done,
      List<Integer> indices) {
    Map<Integer, RunResult> results = new HashMap<>();
    PointsDone lowest = null;
    for (int s = 0; s < slices.size(); s++) {
      PointsDone slice = done.get(s);
      for (int i = 0; i < slice.results().size(); i++) {
        results.put(slices.get(s).indices().get(i), slice.results().get(i));
      }
      if (slice.fault() != null && (lowest == null || slice.failedPoint() < lowest.failedPoint())) {
        lowest = slice;
      }
    }
    if (lowest != null) {
      throw lowest.fault().exception();
    }
    return indices.stream().map(results::get).toList();
  }
}
