package org.deltascape.launcher.engine;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What any JVM needs to rebuild any part of a run: the config tree (after {@code --set}) and
 * where its plugins come from. Sent to executors and kept by shards.
 *
 * @param configJson the config tree as JSON (YAML's JSON subset)
 * @param defaultName the experiment's name when the config gives none
 * @param configFile the config file the tree came from (its {@code plugins:} folders are relative
 *     to it), or null
 * @param pluginFolders folders of plugin jars given on the command line, absolute
 */
public record RunDescription(String configJson, String defaultName, String configFile,
    List<String> pluginFolders) implements Serializable {

  private static final long serialVersionUID = 1L;

  public RunDescription {
    Objects.requireNonNull(configJson, "configJson");
    Objects.requireNonNull(defaultName, "defaultName");
    pluginFolders = List.copyOf(pluginFolders);
  }
}
