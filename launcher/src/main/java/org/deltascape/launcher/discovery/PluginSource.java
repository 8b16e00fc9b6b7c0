package org.deltascape.launcher.discovery;

import org.deltascape.api.Plugin;

/**
 * A discovered plugin and where it was loaded from.
 *
 * @param plugin the instance
 * @param origin {@code "classpath"}, or the jar file it came from
 */
public record PluginSource<P extends Plugin>(P plugin, String origin) {}
