package org.deltascape.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.ConfigException;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {

  private static final PluginRegistry REGISTRY =
      PluginDiscovery.discover(ConfigErrorsTest.class.getClassLoader());

  @TempDir Path dir;

  @Test
  void everyFaultIsReportedAtOnceNumberedWithFileAndLine() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, String.join("\n",
        "name: broken",
        "dataset: { id: digits }",
        "model: { id: mlp }",
        "spaces: [{ id: random, dim: 2 }]",
        "samplr: { id: gaussian }",
        "orders: many",
        "estimators: [monte-karlo]",
        ""));
    String nl = System.lineSeparator();
    assertThatThrownBy(() -> ConfigLoader.load(REGISTRY, file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the configuration has 4 errors:" + nl
            + "  1. " + file + ":5: samplr: unknown key for the experiment (did you mean sampler?)" + nl
            + "  2. " + file + ":6: orders: expected an integer, got \"many\"" + nl
            + "  3. " + file + ":1: threshold: missing required key (ε of K(ε), the Δ-sufficient size)" + nl
            + "  4. " + file + ":7: estimators[0]: no estimator plugin has the id \"monte-karlo\"; the "
            + "estimator ids are " + String.join(", ", REGISTRY.ids(org.deltascape.launcher.discovery.Spi.ESTIMATOR))
            + " (did you mean monte-carlo?)." + " Fix the configuration and run again.");
  }

  @Test
  void pluginKeysAreCheckedForTypeRangeAndSpelling() {
    ConfigNode root = YamlReader.read(String.join("\n",
        "dataset: { id: digits }",
        "model: { id: mlp, hiden: [8] }",
        "spaces: [{ id: random, dim: 0 }]",
        "sampler: { id: gaussian, sigma: -1.0, samples: 10 }",
        "threshold: 0.1",
        "k: { step: 0 }"), "c.yaml");
    assertThatThrownBy(() -> new ExperimentConfigBinder(REGISTRY).bind(root, "c"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .extracting(p -> p.where() + " " + p.key())
            .containsExactly("c.yaml:2 model.hiden", "c.yaml:3 spaces[0].dim",
                "c.yaml:4 sampler.sigma", "c.yaml:6 k.step"));
  }

  @Test
  void overridesReachNestedKeysListItemsAndBareIds() {
    ConfigNode root = YamlReader.read(String.join("\n",
        "dataset: digits",
        "model: { id: mlp }",
        "spaces: [{ id: random, dim: 2 }]",
        "threshold: 0.1"), "c.yaml");
    ConfigNode changed = ConfigOverrides.apply(root,
        List.of("dataset.test-size=100", "spaces.0.dim=3", "sampler.sigma=0.5", "orders=4"));
    ExperimentConfig config = new ExperimentConfigBinder(REGISTRY).bind(changed, "c");
    assertThat(config.dataset().settings().integer("test-size")).isEqualTo(100);
    assertThat(config.spaces().get(0).plugin().settings().integer("dim")).isEqualTo(3);
    assertThat(config.sampler().settings().real("sigma")).isEqualTo(0.5);
    assertThat(config.orders()).isEqualTo(4);
    assertThat(config.dataset().settings().origin("test-size")).isEqualTo("--set dataset.test-size");
  }

  @Test
  void malformedYamlNamesTheLine() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(e.problems().get(0).where()).startsWith("bad.yaml:"));
  }

  @Test
  void theCanonicalConfigIsIndependentOfKeyOrderAndSpelling() {
    String a = "dataset: digits\nmodel: { id: mlp }\nspaces: [random]\nthreshold: 0.1\n";
    String b = "threshold: 1.0e-1\nspaces:\n  - id: random\nmodel: mlp\ndataset: { id: digits }\n";
    ExperimentConfigBinder binder = new ExperimentConfigBinder(REGISTRY);
    assertThat(binder.bind(YamlReader.read(a, "a.yaml"), "x").canonical())
        .isEqualTo(binder.bind(YamlReader.read(b, "b.yaml"), "x").canonical());
  }
}
