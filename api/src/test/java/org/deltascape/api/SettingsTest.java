package org.deltascape.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void canonicalTextSortsKeysAndRendersNestedPlugins() {
    Settings inner = Settings.of("backend lanczos", Map.of("tolerance", 1.0e-8));
    Settings settings =
        Settings.of(
            "space hessian",
            Map.of("dim", 10, "backend", new PluginChoice("lanczos", inner), "layers", List.of("a")));
    assertThat(settings.canonical())
        .isEqualTo("{backend: {id: lanczos, tolerance: 1.0E-8}, dim: 10, layers: [a]}");
  }

  @Test
  void invalidNamesTheOriginOfTheValue() {
    Settings settings =
        new Settings("sampler gaussian", Map.of("sigma", 0.0), Map.of("sigma", "x.yaml:4"));
    assertThat(settings.invalid("sigma", "must be positive", "Use a value above 0").getMessage())
        .isEqualTo("x.yaml:4: sampler gaussian: sigma = 0.0: must be positive. Use a value above 0.");
  }

  @Test
  void configProblemsAreNumbered() {
    ConfigException error =
        new ConfigException(
            List.of(
                new ConfigProblem("a.yaml:1", "samplr", "unknown key", "did you mean sampler?"),
                new ConfigProblem("a.yaml:3", "orders", "expected an integer, got \"x\"", null)));
    assertThat(error.getMessage())
        .isEqualTo(
            "the configuration has 2 errors:"
                + System.lineSeparator()
                + "  1. a.yaml:1: samplr: unknown key (did you mean sampler?)"
                + System.lineSeparator()
                + "  2. a.yaml:3: orders: expected an integer, got \"x\". Fix the configuration and run again.");
  }
}
