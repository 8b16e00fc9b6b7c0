package org.deltascape.models.cnn;

import java.util.Arrays;

/**
 * Max-pooling as a selection: the forward pass records, for every pooled output, which convolution
 * output it took (the first maximum of its window, scanned row by row), and every later pass routes
 * through that fixed choice. So the R-forward pass gathers tangents at the same argmax and
 * back-propagation scatters deltas to it: pooling is linear in both, and the Hessian-vector product
 * stays exact and symmetric (the pooling itself has no curvature almost everywhere).
 */
final class MaxPooling {
  private MaxPooling() {}

  /**
   * Pools {@code conv} (per example {@code positions × outChannels}, channels-last) into {@code
   * pooled} (the block's output layout) and records the chosen indices into {@code sources}.
   */
  static void select(ConvGeometry block, double[] conv, int rows, int[] sources, double[] pooled) {
    int channels = block.outChannels();
    int convWidth = block.convWidth();
    int pool = block.pool();
    int convSize = block.positions() * channels;
    int pooledSize = block.pooledSize();
    for (int r = 0; r < rows; r++) {
      for (int y = 0; y < block.pooledHeight(); y++) {
        for (int x = 0; x < block.pooledWidth(); x++) {
          for (int c = 0; c < channels; c++) {
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int dy = 0; dy < pool; dy++) {
              int row = (y * pool + dy) * convWidth + x * pool;
              for (int dx = 0; dx < pool; dx++) {
                int index = r * convSize + (row + dx) * channels + c;
                if (best < 0 || conv[index] > max) {
                  best = index;
                  max = conv[index];
                }
              }
            }
            int out = r * pooledSize + block.pooledIndex(c, y, x);
            sources[out] = best;
            pooled[out] = max;
          }
        }
      }
    }
  }

  /** {@code to[o] = from[sources[o]]} for the first {@code count} outputs. */
  static void gather(int[] sources, int count, double[] from, double[] to) {
    for (int o = 0; o < count; o++) {
      to[o] = from[sources[o]];
    }
  }

  /**
   * The transpose of {@link #gather}: {@code to = 0} over its first {@code length}, then {@code
   * to[sources[o]] = from[o]} (windows do not overlap, so no index repeats).
   */
  static void scatter(int[] sources, int count, double[] from, double[] to, int length) {
    Arrays.fill(to, 0, length, 0.0);
    for (int o = 0; o < count; o++) {
      to[sources[o]] = from[o];
    }
  }
}
