package org.deltascape.launcher.shard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.PartialSums;
import org.deltascape.launcher.checkpoint.CheckpointFile;
import org.deltascape.launcher.engine.BlockScope;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.MonteCarloJob;

/**
 * A shard's share of a run. The units of work are the Monte Carlo blocks of every pass of the
 * plan, numbered in the order a run computes them (points, spaces, blocks); shard i of n takes
 * the i-th of n contiguous ranges, so that a sweep's points spread over shards and one large pass
 * splits into blocks. Each pass's blocks go to {@code blocks-<point>-<space>.ckpt}.
 */
final class ShardShare implements BlockScope {

  /** The kind of a shard's block files. */
  static final String KIND = "shard-blocks";

  /**
   * One pass's blocks in this shard.
   *
   * @param pass the pass
   * @param from first block
   * @param to block after the last
   */
  record Slice(Experiment.Pass pass, int from, int to) {}

  private final Path folder;
  private final String configHash;
  private final Map<String, Slice> slices = new LinkedHashMap<>();

  ShardShare(Path folder, String configHash, List<Experiment.Pass> passes, ShardSpec spec) {
    this.folder = folder;
    this.configHash = configHash;
    long total = passes.stream().mapToLong(Experiment.Pass::blocks).sum();
    long[] mine = spec.units(total);
    long start = 0;
    for (Experiment.Pass pass : passes) {
      long from = Math.max(mine[0], start);
      long to = Math.min(mine[1], start + pass.blocks());
      if (from < to) {
        slices.put(key(pass.point(), pass.space()),
            new Slice(pass, (int) (from - start), (int) (to - start)));
      }
      start += pass.blocks();
    }
  }

  /** This shard's slices, in run order. */
  List<Slice> slices() {
    return new ArrayList<>(slices.values());
  }

  @Override
  public int[] blocks(int point, String space, int blocks) {
    Slice slice = slices.get(key(point, space));
    return slice == null ? null : new int[] {slice.from(), slice.to()};
  }

  @Override
  public void accept(MonteCarloJob job, int fromBlock, List<Map<String, PartialSums>> sums) {
    Map<String, Object> meta = new LinkedHashMap<>();
    Map<String, double[]> arrays = new LinkedHashMap<>();
    meta.put("point", job.point());
    meta.put("space", job.space());
    meta.put("samples", job.samples());
    meta.put("first_block", fromBlock);
    meta.put("blocks", sums.size());
    meta.put("estimators", sums.isEmpty() ? List.of() : new ArrayList<>(sums.get(0).keySet()));
    for (int i = 0; i < sums.size(); i++) {
      for (PartialSums block : sums.get(i).values()) {
        arrays.put(block.estimator() + "#" + (fromBlock + i), block.sums());
      }
    }
    CheckpointFile.write(file(folder, job.point(), job.space()), KIND, configHash, meta, arrays);
  }

  static Path file(Path folder, int point, String space) {
    return folder.resolve("blocks-" + point + "-" + space + ".ckpt");
  }

  private static String key(int point, String space) {
    return point + "/" + space;
  }
}
