package org.deltascape.launcher.config;

import java.util.List;
import org.deltascape.api.PluginChoice;

/**
 * The check of a grid sampler's S against its grid, made while binding so that a wrong
 * {@code samples} is refused with the other config errors, before any work starts.
 */
final class GridSamples {

  private GridSamples() {}

  /** A grid sampler visits each of its n^D points once: S must be n^D in every space. */
  static final String GRID_SAMPLES =
      "a grid of %d points per axis in space %s (D = %d) has %d points, but samples is %d";

  /** Adds a problem for every space whose grid has other than {@code samples} points. */
  static void check(SettingsBinder binder, ConfigNode samplerNode,
      PluginChoice sampler, int samples, List<ExperimentConfig.SpaceSpec> spaces) {
    if (!sampler.settings().has("points-per-axis")) {
      return;
    }
    long points = sampler.settings().integer("points-per-axis");
    ConfigNode at = samplerNode.isMap() && samplerNode.get("samples") != null
        ? samplerNode.get("samples") : samplerNode;
    for (ExperimentConfig.SpaceSpec space : spaces) {
      if (!space.plugin().settings().has("dim")) {
        continue;
      }
      int dim = space.plugin().settings().integer("dim");
      long total = 1;
      for (int d = 0; d < dim && total <= Integer.MAX_VALUE; d++) {
        total *= points;
      }
      if (total != samples) {
        binder.problem(at, "sampler.samples", String.format(java.util.Locale.ROOT, GRID_SAMPLES,
            points, space.name(), dim, total, samples),
            total <= Integer.MAX_VALUE ? "set samples: " + total : "use fewer points per axis");
      }
    }
  }
}
