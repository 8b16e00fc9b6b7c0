package org.deltascape.api;

/**
 * The moments of a sampling distribution p(θ) that closed-form estimators need, for distributions
 * that are symmetric under sign flips and permutations of coordinates (all odd moments vanish,
 * all coordinates alike):
 *
 * @param second {@code E θ_d²} (σ² for N(0, σ²I))
 * @param fourth {@code E θ_d⁴} (3σ⁴ for the Gaussian)
 * @param cross {@code E θ_d² θ_e²} for d ≠ e (σ⁴ for the Gaussian)
 */
public record Moments(double second, double fourth, double cross) {

  /** The moments of N(0, σ²I). */
  public static Moments gaussian(double sigma) {
    double s2 = sigma * sigma;
    return new Moments(s2, 3 * s2 * s2, s2 * s2);
  }
}
