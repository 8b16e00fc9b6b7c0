package org.deltascape.launcher.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * One space's Monte Carlo pass of one point of a run, described so that another JVM (a shard, a
 * Spark executor) can rebuild it from the run's config: which point and space, how many samples,
 * and the two things the config alone does not determine cheaply, w* and P.
 *
 * @param point the index of the point in the run's plan (0 without a sweep)
 * @param space the space's name
 * @param samples S, the θ samples of the pass
 * @param weights w*, length P; owned by this value, do not modify
 * @param basis the directions, P × D row-major in float64; owned by this value, do not modify
 * @param dimension D, the columns of the basis
 * @param orthonormal whether the directions are orthonormal
 */
public record MonteCarloJob(int point, String space, int samples, double[] weights,
    double[] basis, int dimension, boolean orthonormal) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Samples per block: the unit of partial sums, checkpoints, shards and tasks. */
  public static final int BLOCK = MonteCarloPass.BLOCK;

  public MonteCarloJob {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(basis, "basis");
    if (dimension < 1 || basis.length != (long) weights.length * dimension) {
      throw new IllegalArgumentException("a basis of " + basis.length + " values is not "
          + weights.length + " × " + dimension);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
  }

  /** The blocks of the pass: ⌈S / {@value MonteCarloPass#BLOCK}⌉. */
  public int blocks() {
    return (samples + MonteCarloPass.BLOCK - 1) / MonteCarloPass.BLOCK;
  }

  /** The samples of block {@code block}: {@value MonteCarloPass#BLOCK}, or fewer for the last. */
  public int samplesIn(int block) {
    return Math.min(MonteCarloPass.BLOCK, samples - block * MonteCarloPass.BLOCK);
  }
}
