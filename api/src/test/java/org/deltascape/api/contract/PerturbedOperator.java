package org.deltascape.api.contract;

import java.util.random.RandomGenerator;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code B = A + ε E}: a {@link KnownSpectrum} A plus a small seeded symmetric Gaussian matrix E
 * (entries N(0, 1/n), so ‖E‖₂ ≈ 2): a nearby operator, as H_k is to H_{k−1}, for checking warm
 * starts. Counts its products. Not thread-safe.
 */
public final class PerturbedOperator implements SymmetricOperator {
  private final KnownSpectrum base;
  private final double[][] perturbation;
  private long products;

  /**
   * @param base A
   * @param epsilon ε
   * @param seed the seed of E
   */
  public PerturbedOperator(KnownSpectrum base, double epsilon, long seed) {
    this.base = base;
    int n = (int) base.dimension();
    RandomGenerator random = new RandomKey(seed, "contract/perturbation", 0).generator();
    this.perturbation = new double[n][n];
    double scale = epsilon / Math.sqrt(n);
    for (int a = 0; a < n; a++) {
      for (int b = 0; b <= a; b++) {
        double value = scale * random.nextGaussian();
        perturbation[a][b] = value;
        perturbation[b][a] = value;
      }
    }
  }

  /** {@code B v} in plain arithmetic. */
  public double[] times(double[] v) {
    double[] out = base.times(v);
    for (int a = 0; a < out.length; a++) {
      out[a] += KnownSpectrum.dot(perturbation[a], v);
    }
    return out;
  }

  /** The number of products {@link #apply} has computed. */
  public long products() {
    return products;
  }

  @Override
  public long dimension() {
    return base.dimension();
  }

  @Override
  public void apply(INDArray v, INDArray out) {
    products++;
    out.assign(Nd4j.createFromArray(times(v.toDoubleVector())));
  }
}
