package org.deltascape.estimators.samplers;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code gaussian} sampler: p(θ) = N(0, σ² I_D), the paper's default, with σ a standard
 * deviation.
 *
 * <p>Config keys: {@code sigma} (real, default 1.0, &gt; 0), {@code sigma-scale} ({@link
 * SigmaScale}: {@code absolute} or {@code per-dimension}, σ/√D).
 */
public final class GaussianSampler implements Sampler {

  static final ConfigKey SIGMA =
      ConfigKey.real("sigma", 1.0, "σ, the standard deviation of each coordinate of θ")
          .greaterThan(0);

  @Override
  public String id() {
    return "gaussian";
  }

  @Override
  public String description() {
    return "θ ~ N(0, σ²I): independent Gaussian coordinates of standard deviation σ";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(SIGMA, SigmaScale.KEY);
  }

  @Override
  public ThetaSampler create(Settings settings, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension " + dimension + " is below 1");
    }
    double sigma = new DeclaredKeys(settings, configKeys()).real(SIGMA.name());
    return new GaussianThetas(SigmaScale.apply(settings, sigma, dimension), dimension);
  }
}
