package org.deltascape.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ready experiment in configs/ and the built-in quick start is a valid config. */
class ShippedConfigsTest {

  private static final PluginRegistry REGISTRY =
      PluginDiscovery.discover(ShippedConfigsTest.class.getClassLoader());

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "configs"))) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).hasSizeGreaterThanOrEqualTo(6);
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void validates(Path config) {
    ExperimentConfig bound = ConfigLoader.load(REGISTRY, config, List.of());
    assertThat(bound.name()).isEqualTo(config.getFileName().toString().replace(".yaml", ""));
  }

  @Test
  void quickStartValidates() {
    assertThat(ConfigLoader.load(REGISTRY, null, List.of()).name()).isEqualTo("quickstart");
  }
}
