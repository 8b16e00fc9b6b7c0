package org.deltascape.estimators.samplers;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.DeclaredKeys;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code antithetic} sampler: N(0, σ²I_D) in antithetic pairs (Hammersley and Morton 1956),
 * θ_{2j} = σz_j and θ_{2j+1} = −σz_j with z_j the standard normals of the generator of {@code
 * key.at(j)}. Every odd moment of the sample average vanishes exactly, which cancels the linear
 * term {@code c_kᵀθ} of the increment in pairs; the moments are those of the Gaussian. Use an even
 * S.
 *
 * <p>Config keys: {@code sigma} (real, default 1.0, &gt; 0), {@code sigma-scale} ({@link
 * SigmaScale}).
 */
public final class AntitheticSampler implements Sampler {

  @Override
  public String id() {
    return "antithetic";
  }

  @Override
  public String description() {
    return "θ ~ N(0, σ²I) in antithetic pairs θ, −θ";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(GaussianSampler.SIGMA, SigmaScale.KEY);
  }

  @Override
  public ThetaSampler create(Settings settings, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension " + dimension + " is below 1");
    }
    double sigma = new DeclaredKeys(settings, configKeys()).real(GaussianSampler.SIGMA.name());
    return new Pairs(SigmaScale.apply(settings, sigma, dimension), dimension);
  }

  /** θ_s for the pair j = ⌊s/2⌋, negated for odd s. Immutable and thread-safe. */
  private record Pairs(double sigma, int dimension) implements ThetaSampler {

    @Override
    public void sample(RandomKey key, long first, INDArray out) {
      int n = ThetaRows.rows(out, dimension);
      double[] values = new double[n * dimension];
      for (int s = 0; s < n; s++) {
        long index = first + s;
        double sign = (index & 1) == 0 ? sigma : -sigma;
        RandomGenerator random = key.at(index >>> 1).generator();
        for (int d = 0; d < dimension; d++) {
          values[s * dimension + d] = sign * random.nextGaussian();
        }
      }
      ThetaRows.write(out, values);
    }

    @Override
    public Optional<Moments> moments() {
      return Optional.of(Moments.gaussian(sigma));
    }
  }
}
