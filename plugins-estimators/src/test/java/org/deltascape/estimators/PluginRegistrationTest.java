package org.deltascape.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Plugin;
import org.deltascape.api.Sampler;
import org.deltascape.api.Subspace;
import org.junit.jupiter.api.Test;

/** Every plugin of this module is found by {@link ServiceLoader} under its id. */
class PluginRegistrationTest {

  private static <T extends Plugin> Iterable<String> ids(Class<T> spi) {
    return ServiceLoader.load(spi).stream().map(provider -> provider.get().id()).toList();
  }

  @Test
  void everyPluginIsRegistered() {
    assertThat(ids(CurvatureBackend.class)).containsExactlyInAnyOrder(
            "lanczos", "dense", "power-iteration", "hutchinson", "slq");
    assertThat(ids(Subspace.class))
        .containsExactlyInAnyOrder("hessian", "random", "filter-normalized", "trajectory-pca");
    assertThat(ids(Sampler.class))
        .containsExactlyInAnyOrder("gaussian", "sobol", "antithetic", "uniform-ball", "grid");
    assertThat(ids(DeltaEstimator.class))
        .containsExactlyInAnyOrder(
            "monte-carlo", "permutation-mean", "quadratic", "monte-carlo-cv", "paper-approx",
            "bound");
  }
}
