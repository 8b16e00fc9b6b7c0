package org.deltascape.models.mlp;

import org.deltascape.api.Plugin;
import org.deltascape.api.contract.PluginContract;

/** The shared plugin checks (id, description, well-formed keys) for {@code single-layer-mlp}. */
class SingleLayerMlpPluginTest extends PluginContract {

  @Override
  protected Plugin plugin() {
    return new SingleLayerMlpProvider();
  }
}
