package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Plugin;
import org.junit.jupiter.api.Test;

/** What every plugin of every SPI must declare: an id, a description and well-formed keys. */
public abstract class PluginContract {

  /** The plugin under test. */
  protected abstract Plugin plugin();

  @Test
  void describesItself() {
    Plugin plugin = plugin();
    assertThat(plugin.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
    assertThat(plugin.version()).isNotBlank();
    Set<String> names = new HashSet<>();
    for (ConfigKey key : plugin.configKeys()) {
      assertThat(names.add(key.name())).as("key %s declared once", key.name()).isTrue();
      assertThat(key.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(key.description()).isNotBlank();
    }
  }
}
