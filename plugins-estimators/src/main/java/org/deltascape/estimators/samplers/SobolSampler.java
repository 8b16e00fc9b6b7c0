package org.deltascape.estimators.samplers;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code sobol} sampler: scrambled quasi-Monte Carlo for N(0, σ²I_D), Sobol points (Sobol
 * 1967, direction numbers of Joe and Kuo 2008) with Owen's nested uniform scrambling (Owen 1995)
 * mapped through the inverse normal distribution function (Wichura 1988). For smooth integrands
 * its error falls faster than Monte Carlo's S^(−1/2), best when S is a power of 2. See {@link
 * SobolThetas}.
 *
 * <p>Config keys: {@code sigma} (real, default 1.0, &gt; 0), {@code sigma-scale} ({@link
 * SigmaScale}). D is at most {@value SobolPoints#MAX_DIMENSION}.
 */
public final class SobolSampler implements Sampler {

  @Override
  public String id() {
    return "sobol";
  }

  @Override
  public String description() {
    return "θ from Owen-scrambled Sobol points through the inverse normal CDF: quasi-Monte Carlo"
        + " for N(0, σ²I)";
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
    if (dimension > SobolPoints.MAX_DIMENSION) {
      throw new DeltascapeException(
          "the sobol sampler has direction numbers for D <= " + SobolPoints.MAX_DIMENSION
              + ", not D = " + dimension,
          settings.owner(),
          "Use the gaussian or antithetic sampler for this space");
    }
    double sigma = new DeclaredKeys(settings, configKeys()).real(GaussianSampler.SIGMA.name());
    return new SobolThetas(SigmaScale.apply(settings, sigma, dimension), dimension);
  }
}
