package org.deltascape.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.engine.Provenance;

/**
 * The points of a plan that one Spark task runs, with the SHA-256 of each point's canonical
 * config on the driver, so that the executor refuses a point that binds differently there.
 *
 * @param indices the points, in the order the task runs them
 * @param configSha256 per point, its canonical config's SHA-256 on the driver
 */
record PointSlice(List<Integer> indices, List<String> configSha256) implements Serializable {

  private static final long serialVersionUID = 1L;

  PointSlice {
    indices = List.copyOf(indices);
    configSha256 = List.copyOf(configSha256);
    if (indices.isEmpty() || indices.size() != configSha256.size()) {
      throw new IllegalArgumentException("a slice of " + indices.size() + " points and "
          + configSha256.size() + " hashes");
    }
  }

  /**
   * The points {@code indices} dealt to {@code min(parts, points)} slices in turn (point i of the
   * list to slice i mod parts), so that each slice gets points from all along the sweep: its
   * outer keys (D, most often) change cost far more than its inner ones, and contiguous slices
   * would hand one task all the dearest points.
   */
  static List<PointSlice> deal(SweepPlan plan, List<Integer> indices, int parts) {
    int count = Math.min(parts, indices.size());
    List<PointSlice> slices = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      List<Integer> mine = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      for (int i = s; i < indices.size(); i += count) {
        int index = indices.get(i);
        mine.add(index);
        hashes.add(Provenance.sha256(plan.points().get(index).config().canonical()));
      }
      slices.add(new PointSlice(mine, hashes));
    }
    return slices;
  }
}
