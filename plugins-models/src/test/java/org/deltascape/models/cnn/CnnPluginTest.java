package org.deltascape.models.cnn;

import org.deltascape.api.Plugin;
import org.deltascape.api.contract.PluginContract;

/** The shared plugin checks (id, description, well-formed keys) for {@code cnn}. */
class CnnPluginTest extends PluginContract {

  @Override
  protected Plugin plugin() {
    return new CnnProvider();
  }
}
