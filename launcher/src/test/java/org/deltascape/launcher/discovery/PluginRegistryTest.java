package org.deltascape.launcher.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.Settings;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  @Test
  void aProviderOnlyOnTheTestClasspathIsDiscoveredAndUsable() {
    PluginRegistry registry = PluginDiscovery.discover(getClass().getClassLoader());
    assertThat(registry.ids(Spi.DATASET)).contains("test-only-line", "digits", "synthetic");
    assertThat(registry.plugins(Spi.DATASET).get("test-only-line").origin()).isEqualTo("classpath");
    DatasetProvider provider = registry.require(DatasetProvider.class, "test-only-line");
    assertThat(provider.load(Settings.of("t", java.util.Map.of("examples", 8)),
        new org.deltascape.api.DatasetContext(1, org.deltascape.api.Progress.silent())).train().size())
        .isEqualTo(8);
    assertThat(registry.loadProblems()).isEmpty();
  }

  @Test
  void duplicateIdsAreRefusedNamingBothProviders() {
    assertThatThrownBy(() -> PluginRegistry.of(List.of(new Named("twin"), new OtherNamed("twin"))))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage("plugin discovery: two estimator plugins have the id \"twin\": "
            + Named.class.getName() + " (classpath) and " + OtherNamed.class.getName()
            + " (classpath). Give every plugin a unique lower-kebab id.");
  }

  @Test
  void blankAndMalformedIdsAreRefusedNamingTheProvider() {
    assertThatThrownBy(() -> PluginRegistry.of(List.of(new Named(" "))))
        .hasMessage("plugin discovery: the estimator plugin " + Named.class.getName()
            + " (classpath) has a blank id. Give every plugin a unique lower-kebab id.");
    assertThatThrownBy(() -> PluginRegistry.of(List.of(new Named("Monte_Carlo"))))
        .hasMessage("plugin discovery: the estimator plugin " + Named.class.getName()
            + " (classpath) has the id \"Monte_Carlo\", which is not lower-kebab (like \"my-dataset\")."
            + " Give every plugin a unique lower-kebab id.");
  }

  @Test
  void anUnknownIdListsTheIdsThatExistAndTheClosest() {
    PluginRegistry registry =
        PluginRegistry.of(List.of(new Named("monte-carlo"), new OtherNamed("permutation-mean")));
    assertThatThrownBy(() -> registry.require(DeltaEstimator.class, "monte-carl"))
        .hasMessage("no estimator plugin has the id \"monte-carl\"; the estimator ids are "
            + "monte-carlo, permutation-mean. Did you mean monte-carlo?");
  }

  /** A minimal estimator plugin with a chosen id. */
  static class Named implements DeltaEstimator {
    private final String id;

    Named(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of();
    }

    @Override
    public Estimator create(Settings settings) {
      return new Estimator() {
        @Override
        public java.util.Set<org.deltascape.api.EstimatorInput> inputs() {
          return java.util.Set.of();
        }

        @Override
        public org.deltascape.api.DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }

  /** The same, as a different class. */
  static final class OtherNamed extends Named {
    OtherNamed(String id) {
      super(id);
    }
  }
}
