package org.deltascape.api;

import java.util.Objects;

/**
 * A plugin chosen by id together with its validated settings: the value of a {@link
 * ConfigType#PLUGIN} key, and the form in which the launcher hands a plugin to another (a
 * subspace's curvature backend, say).
 *
 * @param id the chosen plugin's id; never null
 * @param settings its settings, already checked against its keys; never null
 */
public record PluginChoice(String id, Settings settings) {
  public PluginChoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
  }

  /** Canonical text, as in {@link Settings#canonical()}. */
  public String canonical() {
    return settings.canonical();
  }
}
