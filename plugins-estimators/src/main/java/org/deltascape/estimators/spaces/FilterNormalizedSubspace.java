package org.deltascape.estimators.spaces;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Directions;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code filter-normalized} space (H. Li, Z. Xu, G. Taylor, C. Studer and T. Goldstein,
 * "Visualizing the loss landscape of neural nets", NeurIPS 2018, §4): D random Gaussian
 * directions, each filter of each weight tensor rescaled to the norm of the same filter in w*, so
 * that a step along a direction is comparable across layers and scale-invariant units.
 *
 * <p>Direction d is drawn from {@code context.randomKey().at(d)} alone (P Gaussians in layout
 * order), so spaces of growing D are nested. A filter is a slice along axis 0 of a {@link
 * ParameterTensor.Role#WEIGHT} tensor (a row of an {@code [out, in]} matrix, one output channel
 * {@code [in, kh, kw]} of a convolution kernel): contiguous, {@link ParameterTensor#filterSize()}
 * elements. Its random values are scaled to norm ‖w*_filter‖ (zero where w*'s filter is zero).
 * Biases follow the {@code biases} key: {@code zero} (the default, Li et al.'s {@code
 * ignore='biasbn'}) or {@code scaled} (the whole bias tensor rescaled to w*'s bias norm).
 *
 * <p>The directions are <b>not orthonormal</b> (and say so: {@link Directions#orthonormal()} is
 * false): their norms are ‖w*‖ (over the normalised tensors) and they are only nearly orthogonal.
 * Sampling θ ~ N(0, σ²I) in this space is therefore not an isotropic step of size σ.
 *
 * <p>Config keys: {@code dim} (integer, default 10, ≥ 1); {@code biases} ({@code zero} or {@code
 * scaled}, default {@code zero}); {@code layers} (list of tensor names, default all): directions
 * are zero outside those tensors ({@link LayerRestriction}).
 */
public final class FilterNormalizedSubspace implements Subspace {

  static final ConfigKey BIASES =
      ConfigKey.choice(
          "biases", "zero", "bias entries of each direction: zero, or scaled to w*'s bias norm",
          "zero", "scaled");

  @Override
  public String id() {
    return "filter-normalized";
  }

  @Override
  public String description() {
    return "random directions with each filter scaled to its norm in w* (Li et al. 2018; not"
        + " orthonormal)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(SpaceDimension.DIM, BIASES, LayerRestriction.LAYERS);
  }

  /** Nested in D: direction d is drawn from its own key and scaled on its own. */
  @Override
  public boolean nestedInDimension(Settings settings) {
    return true;
  }

  @Override
  public Directions directions(Settings settings, SubspaceContext context) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    LayerRestriction layers = LayerRestriction.of(settings, context);
    int dim = SpaceDimension.of(keys, context, layers);
    boolean scaleBiases = TextKeys.choice(settings, BIASES).equals("scaled");
    ParameterLayout layout = context.model().layout();
    double[] w = context.weights().toDoubleVector();
    int p = w.length;
    if (layout.size() != p) {
      throw new IllegalStateException("the layout covers " + layout.size() + " of " + p);
    }
    if ((long) p * dim > Integer.MAX_VALUE - 8) {
      throw settings.invalid(
          SpaceDimension.DIM.name(),
          "space " + context.name() + " would hold " + (long) p * dim + " numbers, more than one"
              + " array can",
          "Use a smaller dim");
    }
    double[] flat = new double[p * dim];
    try (Progress.Task task = context.progress().start("filter-normalized", dim, "directions")) {
      for (int d = 0; d < dim; d++) {
        RandomGenerator random = context.randomKey().at(d).generator();
        int base = d * p;
        for (int i = 0; i < p; i++) {
          flat[base + i] = random.nextGaussian();
        }
        for (ParameterTensor tensor : layout.tensors()) {
          int offset = base + (int) tensor.offset();
          int size = (int) tensor.size();
          if (!layers.includes(tensor)) {
            Arrays.fill(flat, offset, offset + size, 0.0);
          } else if (tensor.role() == ParameterTensor.Role.WEIGHT) {
            int filterSize = (int) tensor.filterSize();
            for (int j = 0; j < tensor.filters(); j++) {
              int at = j * filterSize;
              rescale(flat, offset + at, w, (int) tensor.offset() + at, filterSize);
            }
          } else if (scaleBiases) {
            rescale(flat, offset, w, (int) tensor.offset(), size);
          } else {
            Arrays.fill(flat, offset, offset + size, 0.0);
          }
        }
        task.advance(1);
      }
    }
    return new Directions(Nd4j.create(flat, new long[] {p, dim}, 'f'), false, null);
  }

  /** Scales {@code direction[at, at + length)} to the norm of {@code w[from, from + length)}. */
  private static void rescale(double[] direction, int at, double[] w, int from, int length) {
    double target = 0.0;
    double current = 0.0;
    for (int i = 0; i < length; i++) {
      target += w[from + i] * w[from + i];
      current += direction[at + i] * direction[at + i];
    }
    double factor = current > 0.0 ? Math.sqrt(target / current) : 0.0;
    for (int i = 0; i < length; i++) {
      direction[at + i] *= factor;
    }
  }
}
