package org.deltascape.estimators.curvature;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.deltascape.api.Eigenpairs;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns approximate eigenpairs, largest first, into an {@link Eigenpairs}: fixes each vector's
 * sign (its largest-magnitude component positive, the first such on ties) so that results are
 * comparable across backends, and measures the relative residuals {@code ‖Av − λv‖ / |λ_1|} with
 * one product per pair (or from products already made).
 */
final class TopEigenpairs {
  private TopEigenpairs() {}

  /**
   * @param values λ_1 ≥ … ≥ λ_D
   * @param vectors {@code vectors[d]} the unit vector of λ_d; signs are fixed in place
   * @param product {@code v ↦ Av}
   * @param tolerance the largest relative residual counted as converged
   */
  static Eigenpairs assemble(
      double[] values, double[][] vectors, UnaryOperator<double[]> product, double tolerance) {
    double[][] images = new double[values.length][];
    for (int d = 0; d < values.length; d++) {
      fixSign(vectors[d]);
      images[d] = product.apply(vectors[d]);
    }
    return measured(values, vectors, images, tolerance);
  }

  /**
   * As {@link #assemble}, but with the products {@code images[d] = A vectors[d]} already made
   * (the last product of an iteration), so the residuals are measured without new products.
   * Signs of both are fixed in place.
   */
  static Eigenpairs assembleMeasured(
      double[] values, double[][] vectors, double[][] images, double tolerance) {
    for (int d = 0; d < values.length; d++) {
      if (fixSign(vectors[d])) {
        KrylovBasis.scale(-1.0, images[d]);
      }
    }
    return measured(values, vectors, images, tolerance);
  }

  private static Eigenpairs measured(
      double[] values, double[][] vectors, double[][] images, double tolerance) {
    int count = values.length;
    int n = vectors[0].length;
    double scale = residualScale(values);
    double[] residuals = new double[count];
    boolean converged = true;
    double[] flat = new double[n * count];
    for (int d = 0; d < count; d++) {
      double[] v = vectors[d];
      double[] av = images[d];
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        double r = av[i] - values[d] * v[i];
        sum += r * r;
      }
      residuals[d] = Math.sqrt(sum) / scale;
      converged &= residuals[d] <= tolerance;
      System.arraycopy(v, 0, flat, d * n, n);
    }
    return new Eigenpairs(
        values, Nd4j.create(flat, new long[] {n, count}, 'f'), residuals, converged);
  }

  /**
   * |λ_1|, the scale residuals are relative to; the largest |λ| when λ_1 is zero, and 1 for the
   * zero operator, so that the ratio is always defined.
   */
  static double residualScale(double[] values) {
    if (values[0] != 0.0) {
      return Math.abs(values[0]);
    }
    double largest = 0.0;
    for (double value : values) {
      largest = Math.max(largest, Math.abs(value));
    }
    return largest > 0.0 ? largest : 1.0;
  }

  /**
   * Refuses a request for {@code count} pairs of an operator of the given dimension.
   *
   * @throws IllegalArgumentException unless {@code 1 ≤ count ≤ dimension}
   */
  static void requireCount(int count, long dimension) {
    if (count < 1 || count > dimension) {
      throw new IllegalArgumentException("count " + count + " is not in 1.." + dimension);
    }
  }

  /**
   * The clause of a not-converged message that names the worst pair: {@code "the largest relative
   * residual is r, of pair d of D"} (d from 1, the first such on ties).
   */
  static String largestResidual(Eigenpairs pairs) {
    double[] residuals = pairs.residuals();
    int worst = 0;
    for (int d = 1; d < residuals.length; d++) {
      if (residuals[d] > residuals[worst]) {
        worst = d;
      }
    }
    return String.format(
        Locale.ROOT,
        "the largest relative residual is %.3g, of pair %d of %d",
        residuals[worst],
        worst + 1,
        residuals.length);
  }

  /** Makes the largest-magnitude component positive; whether the vector was negated. */
  private static boolean fixSign(double[] v) {
    int at = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[at])) {
        at = i;
      }
    }
    if (v[at] < 0) {
      KrylovBasis.scale(-1.0, v);
      return true;
    }
    return false;
  }
}
