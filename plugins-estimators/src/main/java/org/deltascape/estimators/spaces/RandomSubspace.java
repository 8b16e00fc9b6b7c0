package org.deltascape.estimators.spaces;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Directions;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code random} space of PAPER.md: D Gaussian random directions, orthonormalised. Direction
 * d is drawn from {@code context.randomKey().at(d)} alone and orthonormalised against directions
 * 0 … d−1 in order (modified Gram–Schmidt, applied twice), so the spaces of growing D are nested:
 * the first D columns of the (D+1)-dimensional space are the D-dimensional space, bit for bit.
 *
 * <p>Config keys: {@code dim} (integer, default 10, ≥ 1, at most P); {@code layers} (list of
 * tensor names, default all): the directions are drawn in those tensors' coordinates only and are
 * zero elsewhere ({@link LayerRestriction}).
 */
public final class RandomSubspace implements Subspace {

  @Override
  public String id() {
    return "random";
  }

  @Override
  public String description() {
    return "orthonormalised Gaussian random directions, nested across D";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(SpaceDimension.DIM, LayerRestriction.LAYERS);
  }

  /** Nested in D: direction d is drawn from its own key and orthonormalised in order. */
  @Override
  public boolean nestedInDimension(Settings settings) {
    return true;
  }

  @Override
  public Directions directions(Settings settings, SubspaceContext context) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    LayerRestriction layers = LayerRestriction.of(settings, context);
    int dim = SpaceDimension.of(keys, context, layers);
    int p = layers.size();
    RandomKey key = context.randomKey();
    if ((long) p * dim > Integer.MAX_VALUE - 8) {
      throw keys.settings()
          .invalid(
              SpaceDimension.DIM.name(),
              "space " + context.name() + " would hold " + (long) p * dim
                  + " numbers, more than one array can",
              "Use a smaller dim");
    }
    double[] flat = new double[p * dim];
    try (Progress.Task task = context.progress().start("random directions", dim, "directions")) {
      for (int d = 0; d < dim; d++) {
        draw(key.at(d).generator(), flat, d, p);
        task.advance(1);
      }
    }
    return new Directions(layers.expand(Nd4j.create(flat, new long[] {p, dim}, 'f')), true, null);
  }

  // Column d lives in flat[d·p, (d+1)·p) (column-major P × D).
  private static void draw(RandomGenerator random, double[] flat, int d, int p) {
    int at = d * p;
    for (int attempt = 0; ; attempt++) {
      double squares = 0.0;
      for (int i = 0; i < p; i++) {
        double x = random.nextGaussian();
        flat[at + i] = x;
        squares += x * x;
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int e = 0; e < d; e++) {
          int other = e * p;
          double dot = 0.0;
          for (int i = 0; i < p; i++) {
            dot += flat[other + i] * flat[at + i];
          }
          for (int i = 0; i < p; i++) {
            flat[at + i] -= dot * flat[other + i];
          }
        }
      }
      double norm = 0.0;
      for (int i = 0; i < p; i++) {
        norm += flat[at + i] * flat[at + i];
      }
      norm = Math.sqrt(norm);
      if (norm > 1e-8 * Math.sqrt(squares)) {
        for (int i = 0; i < p; i++) {
          flat[at + i] /= norm;
        }
        return;
      }
      if (attempt > 16) {
        throw new IllegalStateException("direction " + d + " keeps falling in the span");
      }
    }
  }
}
