package org.deltascape.estimators.delta;

/** The spread of Δ_k curves over seeds, for variance comparisons between estimators. */
final class SamplerSpread {
  private SamplerSpread() {}

  /** Σ_k of the variance over seeds of Δ_k, each k weighted by 1/(mean Δ_k)² (relative). */
  static double totalVariance(double[][] curves, int steps) {
    double total = 0.0;
    for (int j = 0; j < steps; j++) {
      double mean = 0.0;
      for (double[] curve : curves) {
        mean += curve[j] / curves.length;
      }
      double squares = 0.0;
      for (double[] curve : curves) {
        squares += (curve[j] - mean) * (curve[j] - mean);
      }
      total += squares / (curves.length - 1) / (mean * mean);
    }
    return total;
  }
}
