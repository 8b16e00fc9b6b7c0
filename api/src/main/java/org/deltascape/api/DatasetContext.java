package org.deltascape.api;

import java.util.Objects;

/**
 * What a dataset plugin may use beyond its settings.
 *
 * @param seed the run's data seed, for plugins that shuffle ({@code order: shuffled}); use it
 *     through {@link RandomKey}
 * @param progress where to report long loads and downloads; never null
 */
public record DatasetContext(long seed, Progress progress) {
  public DatasetContext {
    Objects.requireNonNull(progress, "progress");
  }
}
