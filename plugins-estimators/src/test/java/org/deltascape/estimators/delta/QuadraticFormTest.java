package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.estimators.samplers.GridSampler;
import org.deltascape.estimators.samplers.UniformBallSampler;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, test 1: the closed form E(a + cᵀθ + ½θᵀBθ)² against exact quadrature of the same
 * polynomial, for the Gaussian (Gauss–Hermite), the uniform ball (Gauss–Legendre in spherical
 * coordinates) and the grid (its finite average), at D = 3 with random a, c, B.
 */
class QuadraticFormTest {

  /** Issue 4, test 1. */
  private static final double RELATIVE = 1e-12;

  private static final int DIMENSION = 3;
  private static final int CASES = 10;

  /** One random case: a, c (D), B (D×D symmetric, row-major). */
  private record Case(double a, double[] c, double[] b) {
    double value(double[] theta) {
      double linear = 0.0;
      double quadratic = 0.0;
      for (int d = 0; d < DIMENSION; d++) {
        linear += c[d] * theta[d];
        for (int e = 0; e < DIMENSION; e++) {
          quadratic += theta[d] * b[d * DIMENSION + e] * theta[e];
        }
      }
      double x = a + linear + 0.5 * quadratic;
      return x * x;
    }

    double closedForm(Moments moments) {
      return QuadraticForm.expectedSquare(moments, a, c, b);
    }
  }

  private static Case randomCase(int index) {
    RandomGenerator random = new RandomKey(7, "quadratic-form", index).generator();
    double[] c = new double[DIMENSION];
    double[] b = new double[DIMENSION * DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      c[d] = random.nextGaussian();
      for (int e = 0; e <= d; e++) {
        b[d * DIMENSION + e] = random.nextGaussian();
        b[e * DIMENSION + d] = b[d * DIMENSION + e];
      }
    }
    return new Case(random.nextGaussian(), c, b);
  }

  @Test
  void theGaussianClosedFormEqualsGaussHermiteQuadrature() {
    double sigma = 0.7;
    // Probabilists' 3-point Gauss–Hermite rule: exact for polynomials of degree ≤ 5 in each axis.
    double[] nodes = {-Math.sqrt(3), 0, Math.sqrt(3)};
    double[] weights = {1.0 / 6, 2.0 / 3, 1.0 / 6};
    for (int index = 0; index < CASES; index++) {
      Case q = randomCase(index);
      double quadrature = 0.0;
      double[] theta = new double[DIMENSION];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          for (int l = 0; l < 3; l++) {
            theta[0] = sigma * nodes[i];
            theta[1] = sigma * nodes[j];
            theta[2] = sigma * nodes[l];
            quadrature += weights[i] * weights[j] * weights[l] * q.value(theta);
          }
        }
      }
      assertThat(q.closedForm(Moments.gaussian(sigma)))
          .as("case %d", index)
          .isCloseTo(quadrature, org.assertj.core.data.Percentage.withPercentage(100 * RELATIVE));
    }
  }

  @Test
  void theBallClosedFormAndMomentsEqualExactQuadratureOverTheBall() {
    double radius = 1.3;
    Moments moments = UniformBallSampler.moments(radius, DIMENSION);
    // θ = ρ(√(1−t²)cos ψ, √(1−t²)sin ψ, t): volume element ρ² dρ dt dψ. The integrand is a
    // polynomial of degree ≤ 10 in ρ and ≤ 8 in t, and a trigonometric polynomial of degree ≤ 8
    // in ψ: 8-point Gauss–Legendre in ρ and t and 16 equal steps in ψ are exact.
    double[][] legendre = gaussLegendre(8);
    int steps = 16;
    double volume = 4.0 / 3 * Math.PI * radius * radius * radius;
    double[] theta = new double[DIMENSION];
    double[] momentSums = new double[3];
    double[] sums = new double[CASES];
    for (int i = 0; i < legendre[0].length; i++) {
      double rho = radius * (legendre[0][i] + 1) / 2;
      double rhoWeight = legendre[1][i] * radius / 2 * rho * rho;
      for (int j = 0; j < legendre[0].length; j++) {
        double t = legendre[0][j];
        double sine = Math.sqrt(1 - t * t);
        for (int l = 0; l < steps; l++) {
          double psi = 2 * Math.PI * l / steps;
          double weight = rhoWeight * legendre[1][j] * (2 * Math.PI / steps) / volume;
          theta[0] = rho * sine * Math.cos(psi);
          theta[1] = rho * sine * Math.sin(psi);
          theta[2] = rho * t;
          momentSums[0] += weight * theta[2] * theta[2];
          momentSums[1] += weight * Math.pow(theta[2], 4);
          momentSums[2] += weight * theta[0] * theta[0] * theta[2] * theta[2];
          for (int index = 0; index < CASES; index++) {
            sums[index] += weight * randomCase(index).value(theta);
          }
        }
      }
    }
    var percent = org.assertj.core.data.Percentage.withPercentage(100 * RELATIVE);
    assertThat(moments.second()).as("E θ_d²").isCloseTo(momentSums[0], percent);
    assertThat(moments.fourth()).as("E θ_d⁴").isCloseTo(momentSums[1], percent);
    assertThat(moments.cross()).as("E θ_d²θ_e²").isCloseTo(momentSums[2], percent);
    for (int index = 0; index < CASES; index++) {
      assertThat(randomCase(index).closedForm(moments)).as("case %d", index)
          .isCloseTo(sums[index], percent);
    }
  }

  @Test
  void theGridClosedFormEqualsTheAverageOverTheGrid() {
    double[] axis = {-2, -1, 0, 1, 2};
    Moments moments = GridSampler.moments(axis);
    double[] theta = new double[DIMENSION];
    for (int index = 0; index < CASES; index++) {
      Case q = randomCase(index);
      double average = 0.0;
      for (double x : axis) {
        for (double y : axis) {
          for (double z : axis) {
            theta[0] = x;
            theta[1] = y;
            theta[2] = z;
            average += q.value(theta) / 125;
          }
        }
      }
      assertThat(q.closedForm(moments)).as("case %d", index)
          .isCloseTo(average, org.assertj.core.data.Percentage.withPercentage(100 * RELATIVE));
    }
  }

  /** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], by Newton's method. */
  static double[][] gaussLegendre(int n) {
    double[] nodes = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative = 0.0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p0 = 1.0;
        double p1 = x;
        for (int k = 2; k <= n; k++) {
          double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        derivative = n * (x * p1 - p0) / (x * x - 1);
        double step = p1 / derivative;
        x -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      nodes[i] = x;
      weights[i] = 2 / ((1 - x * x) * derivative * derivative);
    }
    return new double[][] {nodes, weights};
  }
}
