package org.deltascape.estimators.delta;

import org.deltascape.api.Moments;

/**
 * The second moment of a quadratic in θ, {@code E(a + cᵀθ + ½θᵀBθ)²}, for any p(θ) symmetric
 * under sign flips and permutations of coordinates ({@link Moments}: m2 = E θ_d², m4 = E θ_d⁴,
 * m22 = E θ_d²θ_e², d ≠ e). Odd moments vanish, so
 *
 * <pre>
 *   E(a + cᵀθ + ½q)² = a² + a·E q + E(cᵀθ)² + ¼ E q²,   q = θᵀBθ,
 *   E q  = m2 tr B,      E(cᵀθ)² = m2 ‖c‖²,
 *   E q² = Σ_{defg} B_de B_fg E θ_dθ_eθ_fθ_g
 *        = m4 Σ_d B_dd² + m22 (Σ_{d≠e} B_dd B_ee + 2 Σ_{d≠e} B_de²)
 * </pre>
 *
 * (the fourth moment is non-zero only when the indices pair up: all four equal, d=e≠f=g, or
 * d=f≠e=g and d=g≠e=f, the last two equal for symmetric B). For N(0, σ²I) this is PAPER.md's
 * {@code a² + aσ² tr B + σ²‖c‖² + (σ⁴/4)(2 tr B² + (tr B)²)}. The four terms are kept apart
 * ({@link Terms}) so that estimators can report which one dominates. Stateless.
 */
public final class QuadraticForm {
  private QuadraticForm() {}

  /**
   * The terms of {@code E(a + cᵀθ + ½θᵀBθ)²} from B's invariants.
   *
   * @param a the constant
   * @param gradientSquare ‖c‖²
   * @param trace tr B
   * @param diagonalSquares Σ_d B_dd²
   * @param frobeniusSquare Σ_{d,e} B_de² = tr B² (B symmetric)
   */
  public static Terms terms(
      Moments moments,
      double a,
      double gradientSquare,
      double trace,
      double diagonalSquares,
      double frobeniusSquare) {
    double offDiagonalSquares = frobeniusSquare - diagonalSquares;
    double diagonalProducts = trace * trace - diagonalSquares;
    double quartic =
        0.25
            * (moments.fourth() * diagonalSquares
                + moments.cross() * (diagonalProducts + 2 * offDiagonalSquares));
    return new Terms(a * a, a * moments.second() * trace, moments.second() * gradientSquare, quartic);
  }

  /**
   * {@code E(a + cᵀθ + ½θᵀBθ)²} for a dense symmetric B.
   *
   * @param c length D
   * @param b D×D row-major, symmetric
   */
  public static double expectedSquare(Moments moments, double a, double[] c, double[] b) {
    return denseTerms(moments, a, c, b, c.length).total();
  }

  /**
   * The four terms for a dense symmetric B, from ‖c‖², tr B, Σ B_dd² and ‖B‖_F² summed in
   * row-major order.
   *
   * @param c at least {@code dimension} long; entries beyond are ignored
   * @param b {@code dimension × dimension} row-major, symmetric
   */
  static Terms denseTerms(Moments moments, double a, double[] c, double[] b, int dimension) {
    double gradientSquare = 0.0;
    double trace = 0.0;
    double diagonalSquares = 0.0;
    double frobeniusSquare = 0.0;
    for (int d = 0; d < dimension; d++) {
      gradientSquare += c[d] * c[d];
      double diagonal = b[d * dimension + d];
      trace += diagonal;
      diagonalSquares += diagonal * diagonal;
      for (int e = d * dimension, end = e + dimension; e < end; e++) {
        frobeniusSquare += b[e] * b[e];
      }
    }
    return terms(moments, a, gradientSquare, trace, diagonalSquares, frobeniusSquare);
  }

  /**
   * The four terms of the expected square.
   *
   * @param constant a²
   * @param cross a·m2·tr B (the only one that can be negative)
   * @param linear m2‖c‖²
   * @param quartic ¼ E(θᵀBθ)²
   */
  public record Terms(double constant, double cross, double linear, double quartic) {

    /** Their sum, E(a + cᵀθ + ½θᵀBθ)². */
    public double total() {
      return constant + cross + linear + quartic;
    }
  }
}
