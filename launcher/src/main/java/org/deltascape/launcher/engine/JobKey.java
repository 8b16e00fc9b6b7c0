package org.deltascape.launcher.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * What identifies the state a worker rebuilds for a job (the run's config, the point, the space,
 * S, w* and P), compared by value: a cached computer is reused only for exactly the same job.
 */
final class JobKey {

  private final RunDescription run;
  private final MonteCarloJob job;

  JobKey(RunDescription run, MonteCarloJob job) {
    this.run = Objects.requireNonNull(run, "run");
    this.job = Objects.requireNonNull(job, "job");
  }

  /** The run and point alone: what the point's data depends on. */
  PointKey point() {
    return new PointKey(run, job.point());
  }

  /** A run and one of its points. */
  record PointKey(RunDescription run, int point) {}

  @Override
  public boolean equals(Object other) {
    return other instanceof JobKey that && run.equals(that.run)
        && job.point() == that.job.point() && job.space().equals(that.job.space())
        && job.samples() == that.job.samples() && job.dimension() == that.job.dimension()
        && job.orthonormal() == that.job.orthonormal()
        && Arrays.equals(job.weights(), that.job.weights())
        && Arrays.equals(job.basis(), that.job.basis());
  }

  @Override
  public int hashCode() {
    return Objects.hash(run, job.point(), job.space(), job.samples()); // arrays: in equals only
  }
}
