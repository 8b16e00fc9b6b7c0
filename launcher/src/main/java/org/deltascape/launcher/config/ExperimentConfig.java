package org.deltascape.launcher.config;

import java.util.List;
import java.util.Objects;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Settings;

/**
 * A validated experiment: every section bound to its plugin's keys, defaults filled in. Built by
 * {@link ExperimentConfigBinder}; {@link #canonical()} is what provenance records and hashes.
 *
 * @param name the experiment's name
 * @param seeds the training, data-order and sampling seeds
 * @param dataset the dataset plugin and its settings
 * @param model the model plugin and its settings
 * @param weights a {@code .npy} file of w* to load instead of training, or null
 * @param training the training section's settings (optimizer, learning rate, …)
 * @param spaces the spaces, each with a unique name
 * @param sampler the sampler plugin and its settings
 * @param samples S, the number of θ samples per space
 * @param orders R, the number of data orders
 * @param estimators the estimators, in the order given
 * @param step b, examples per k
 * @param threshold ε of K(ε)
 * @param output the run folder, or null for {@code runs/<name>}
 * @param precision {@code double} or {@code float}: the arithmetic of model evaluations
 * @param paperCompat whether to reproduce the authors' code as it ran (only the first direction
 *     applied, the data reshuffled for every sample)
 * @param curvature analyses of H(w*) beside the spaces (trace, density, spectra of H_k)
 * @param landscape 1-D profiles and 2-D surfaces of L_k for pictures, or null
 * @param report whether a run ends by writing its pictures, report.html and table.tex
 * @param canonical the canonical form of everything above (sorted keys, defaults filled)
 * @param replicates R, models trained from the training seeds {@code seeds.training + r} for r =
 *     0..R−1, everything else equal (1: one model); a plan expands R &gt; 1 into one point per
 *     replicate, each of whose configs has R = 1
 * @param validation fresh models at K/4, K/2, K, 2K and N examples after the run, or null
 */
public record ExperimentConfig(
    String name,
    Seeds seeds,
    PluginChoice dataset,
    PluginChoice model,
    String weights,
    Settings training,
    List<SpaceSpec> spaces,
    PluginChoice sampler,
    int samples,
    int orders,
    List<PluginChoice> estimators,
    int step,
    double threshold,
    String output,
    String precision,
    boolean paperCompat,
    CurvatureSpec curvature,
    LandscapeSpec landscape,
    boolean report,
    String canonical,
    int replicates,
    ValidationSpec validation) {

  public ExperimentConfig {
    Objects.requireNonNull(name, "name");
    spaces = List.copyOf(spaces);
    estimators = List.copyOf(estimators);
  }

  /** An experiment of one replicate and no validation block. */
  public ExperimentConfig(String name, Seeds seeds, PluginChoice dataset, PluginChoice model,
      String weights, Settings training, List<SpaceSpec> spaces, PluginChoice sampler, int samples,
      int orders, List<PluginChoice> estimators, int step, double threshold, String output,
      String precision, boolean paperCompat, CurvatureSpec curvature, LandscapeSpec landscape,
      boolean report, String canonical) {
    this(name, seeds, dataset, model, weights, training, spaces, sampler, samples, orders,
        estimators, step, threshold, output, precision, paperCompat, curvature, landscape, report,
        canonical, 1, null);
  }

  /**
   * The {@code validation:} block: after the run, fresh models trained as w* was on the first n
   * examples of the first data order, n ∈ {K/4, K/2, K, 2K, N} with K = K(ε) in examples of one
   * space and estimator, each from several training seeds, scored on the test split (what {@code
   * deltascape validate-size} does).
   *
   * @param space the space whose K(ε) is checked
   * @param estimator the estimator whose K(ε) is checked
   * @param replicates models (training seeds) per size, at least 1
   */
  public record ValidationSpec(String space, String estimator, int replicates) {}

  /**
   * The three seeds; by default all equal to the config's {@code seed} (the streams differ by
   * purpose, so equal seeds still give independent numbers).
   */
  public record Seeds(long training, long order, long sampling) {}

  /**
   * Curvature analyses of H(w*) on all N examples, each optional (null when not asked for).
   *
   * @param trace a backend that estimates traces (hutchinson), or null
   * @param density a backend that estimates spectral densities (slq), or null
   * @param prefix the top eigenpairs of H_k for a few k, or null
   */
  public record CurvatureSpec(PluginChoice trace, PluginChoice density, PrefixSpectra prefix) {
    /** No analyses. */
    public static final CurvatureSpec NONE = new CurvatureSpec(null, null, null);
  }

  /**
   * Spectra of H_k, the Hessian on the first k·b examples of the first data order, each solve
   * warm-started from the previous k.
   *
   * @param backend the eigensolver
   * @param count eigenpairs per k
   * @param steps the k values, in steps of b, increasing
   */
  public record PrefixSpectra(PluginChoice backend, int count, List<Integer> steps) {
    public PrefixSpectra {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Loss landscapes for pictures: L_k(w* + αe_1 + βe_2) on a grid over [−r, r]² and the 1-D
   * profiles along each direction, for a few k.
   *
   * @param grid points per axis
   * @param radius r
   * @param steps the k values, in steps of b (0 stands for all N examples)
   * @param spaces the spaces to draw (empty: every space)
   */
  public record LandscapeSpec(int grid, double radius, List<Integer> steps, List<String> spaces) {
    public LandscapeSpec {
      steps = List.copyOf(steps);
      spaces = List.copyOf(spaces);
    }
  }

  /** A space of the experiment: its name in outputs and its plugin. */
  public record SpaceSpec(String name, PluginChoice plugin) {}
}
