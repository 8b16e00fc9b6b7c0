package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.ExperimentConfigBinder;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.output.RunWriter;

/** Runs small experiments in-process for the launcher's tests. */
final class RunFixture {

  static final PluginRegistry REGISTRY = PluginDiscovery.discover(RunFixture.class.getClassLoader());

  /** A small digits experiment: 600 examples, a 64-8-10 tanh MLP, b = 10. */
  static final String SMALL = String.join("\n",
      "name: small",
      "seed: 3",
      "dataset: { id: digits, limit: 600 }",
      "model: { id: mlp, hidden: [8], activation: tanh }",
      "training: { epochs: 3, batch-size: 32, learning-rate: 0.01 }",
      "spaces: [{ id: hessian, dim: 3 }]",
      "sampler: { id: gaussian, sigma: 0.2, samples: 96 }",
      "orders: 4",
      "estimators: [monte-carlo]",
      "k: { step: 10 }",
      "threshold: 1.0e-4",
      "");

  private RunFixture() {}

  static ExperimentConfig config(String yaml, List<String> overrides) {
    var root = org.deltascape.launcher.config.ConfigOverrides.apply(YamlReader.read(yaml, "test.yaml"),
        overrides);
    return new ExperimentConfigBinder(REGISTRY).bind(root, "test");
  }

  /** Runs and writes the experiment into {@code folder}. */
  static RunResult run(String yaml, List<String> overrides, Path folder) {
    ThreadPolicy.apply(1);
    RunResult result = new Experiment(REGISTRY, Progress.silent()).run(config(yaml, overrides), folder);
    RunWriter.write(result);
    return result;
  }
}
