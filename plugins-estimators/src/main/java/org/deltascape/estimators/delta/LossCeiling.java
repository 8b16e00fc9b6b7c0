package org.deltascape.estimators.delta;

/**
 * A running maximum of |loss| that partial sums can carry: {@link org.deltascape.api.PartialSums}
 * combine by addition, which a maximum does not survive, so each sample's max_i |l_i(θ_s)| is
 * counted in a logarithmic bin instead ({@value #PER_OCTAVE} bins per factor of 2, from 2^−40 to
 * 2^40, one bin above), and counts do add. The ceiling is the upper edge of the highest non-empty
 * bin: at least the true maximum and at most 2^(1/16) ≈ 4.4% above it, which is the safe side for
 * a bound. Stateless.
 */
final class LossCeiling {
  static final int PER_OCTAVE = 16;
  private static final int OFFSET = 40 * PER_OCTAVE;

  /** The number of bins. */
  static final int BINS = 2 * OFFSET + 2;

  private LossCeiling() {}

  /** The bin of a maximum {@code m ≥ 0}: its upper edge is at least m. */
  static int bin(double m) {
    if (!(m <= Math.scalb(1.0, 40))) {
      return BINS - 1;
    }
    if (m <= Math.scalb(1.0, -40)) {
      return 0;
    }
    int index = (int) Math.ceil(PER_OCTAVE * (Math.log(m) / Math.log(2))) + OFFSET;
    while (edge(index) < m) {
      index++;
    }
    return Math.min(index, BINS - 2);
  }

  /** The upper edge of bin {@code index} (infinite for the last). */
  static double edge(int index) {
    return index >= BINS - 1
        ? Double.POSITIVE_INFINITY
        : Math.pow(2.0, (index - OFFSET) / (double) PER_OCTAVE);
  }

  /** The ceiling of the counts {@code counts[from … from + BINS)}, or 0 when all are empty. */
  static double ceiling(double[] counts, int from) {
    for (int index = BINS - 1; index >= 0; index--) {
      if (counts[from + index] > 0) {
        return edge(index);
      }
    }
    return 0.0;
  }
}
