package org.deltascape.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.deltascape.api.DatasetProvider;
import org.junit.jupiter.api.Test;

/** The service file registers every built-in dataset provider, each creatable by ServiceLoader. */
class ProvidersDiscoveryTest {
  @Test
  void everyBuiltInProviderIsDiscovered() {
    assertThat(ServiceLoader.load(DatasetProvider.class).stream().map(p -> p.get().id()))
        .containsExactlyInAnyOrder("digits", "synthetic", "mnist", "fashion-mnist", "idx", "csv");
  }
}
