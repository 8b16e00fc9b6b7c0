package org.deltascape.launcher;

import com.google.inject.AbstractModule;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * Wires the launcher: the plugin registry found at start (or given by a test), and where
 * progress goes. Guice stays here and out of {@code api}.
 */
final class LauncherModule extends AbstractModule {

  private final PluginRegistry registry;
  private final Progress progress;

  LauncherModule(PluginRegistry registry, Progress progress) {
    this.registry = registry;
    this.progress = progress;
  }

  @Override
  protected void configure() {
    bind(PluginRegistry.class).toInstance(registry);
    bind(Progress.class).toInstance(progress);
  }
}
