package org.deltascape.launcher;

import com.google.inject.AbstractModule;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;

/**
 * Wires the launcher: where plugins come from (the class path, or a test's own set), and where
 * progress goes. Guice stays here and out of {@code api}.
 */
final class LauncherModule extends AbstractModule {

  private final PluginCatalog catalog;
  private final Progress progress;

  LauncherModule(PluginCatalog catalog, Progress progress) {
    this.catalog = catalog;
    this.progress = progress;
  }

  @Override
  protected void configure() {
    bind(PluginCatalog.class).toInstance(catalog);
    bind(Progress.class).toInstance(progress);
  }
}
