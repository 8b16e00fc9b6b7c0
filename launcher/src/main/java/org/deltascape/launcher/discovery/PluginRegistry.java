package org.deltascape.launcher.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Plugin;
import org.deltascape.launcher.config.Suggestions;

/**
 * Every plugin of every SPI by id, validated once: blank, malformed and duplicate ids are refused
 * naming the providers involved. Immutable; build it with {@link PluginDiscovery} or, in tests,
 * from instances with {@link #of(Collection)}.
 */
public final class PluginRegistry {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final Map<Spi, Map<String, PluginSource<?>>> bySpi;
  private final List<String> loadProblems;

  private PluginRegistry(Map<Spi, Map<String, PluginSource<?>>> bySpi, List<String> loadProblems) {
    this.bySpi = bySpi;
    this.loadProblems = List.copyOf(loadProblems);
  }

  /** A registry of the given plugins (tests, embedding), all from the classpath. */
  public static PluginRegistry of(Collection<? extends Plugin> plugins) {
    List<PluginSource<?>> sources = new ArrayList<>();
    plugins.forEach(p -> sources.add(new PluginSource<>(p, "classpath")));
    return build(sources, List.of());
  }

  /**
   * A registry of discovered plugins; {@code loadProblems} are faults of plugins that could not be
   * loaded at all (reported, the rest still work).
   *
   * @throws DeltascapeException for blank, malformed or duplicate ids
   */
  static PluginRegistry build(List<PluginSource<?>> sources, List<String> loadProblems) {
    Map<Spi, Map<String, PluginSource<?>>> bySpi = new EnumMap<>(Spi.class);
    List<String> problems = new ArrayList<>();
    for (Spi spi : Spi.values()) {
      bySpi.put(spi, new TreeMap<>());
    }
    for (PluginSource<?> source : sources) {
      Plugin plugin = source.plugin();
      for (Spi spi : Spi.values()) {
        if (!spi.type().isInstance(plugin)) {
          continue;
        }
        String id = plugin.id();
        String provider = plugin.getClass().getName() + " (" + source.origin() + ")";
        if (id == null || id.isBlank()) {
          problems.add("the " + spi.label() + " plugin " + provider + " has a blank id");
        } else if (!ID.matcher(id).matches()) {
          problems.add(
              "the " + spi.label() + " plugin " + provider + " has the id \"" + id
                  + "\", which is not lower-kebab (like \"my-dataset\")");
        } else {
          PluginSource<?> earlier = bySpi.get(spi).putIfAbsent(id, source);
          if (earlier != null) {
            problems.add(
                "two " + spi.label() + " plugins have the id \"" + id + "\": "
                    + earlier.plugin().getClass().getName() + " (" + earlier.origin() + ") and "
                    + provider);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DeltascapeException(
          String.join("; ", problems), "plugin discovery", "Give every plugin a unique lower-kebab id");
    }
    Map<Spi, Map<String, PluginSource<?>>> frozen = new EnumMap<>(Spi.class);
    bySpi.forEach((spi, map) -> frozen.put(spi, Collections.unmodifiableMap(map)));
    return new PluginRegistry(frozen, loadProblems);
  }

  /** This registry and {@code more}'s plugins together; duplicate ids are refused naming both. */
  public PluginRegistry plus(PluginRegistry more) {
    List<PluginSource<?>> sources = new ArrayList<>();
    java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (PluginRegistry registry : List.of(this, more)) {
      for (Spi spi : Spi.values()) {
        for (PluginSource<?> source : registry.plugins(spi).values()) {
          if (seen.add(source.plugin())) {
            sources.add(source);
          }
        }
      }
    }
    List<String> problems = new ArrayList<>(loadProblems);
    problems.addAll(more.loadProblems);
    return build(sources, problems);
  }

  /** The plugins of one SPI by id, sorted by id. */
  public Map<String, PluginSource<?>> plugins(Spi spi) {
    return bySpi.get(spi);
  }

  /** The ids of one SPI, sorted. */
  public Collection<String> ids(Spi spi) {
    return bySpi.get(spi).keySet();
  }

  /** The plugin of that SPI and id, if any. */
  public <P extends Plugin> Optional<P> find(Class<P> type, String id) {
    PluginSource<?> source = bySpi.get(Spi.of(type)).get(id);
    return source == null ? Optional.empty() : Optional.of(type.cast(source.plugin()));
  }

  /**
   * The plugin of that SPI and id.
   *
   * @throws DeltascapeException naming the ids that exist and the closest one
   */
  public <P extends Plugin> P require(Class<P> type, String id) {
    return find(type, id).orElseThrow(() -> unknown(Spi.of(type), id, null));
  }

  /** The message for an unknown id: the ids that exist and the closest match. */
  public DeltascapeException unknown(Spi spi, String id, String where) {
    String suggestion = suggestion(spi, id);
    return new DeltascapeException(unknownText(spi, id), where,
        suggestion == null ? null : "D" + suggestion.substring(1));
  }

  /** "no estimator plugin has the id x; the ids are a, b" */
  public String unknownText(Spi spi, String id) {
    return "no " + spi.label() + " plugin has the id \"" + id + "\"; the " + spi.label()
        + " ids are " + String.join(", ", ids(spi));
  }

  /** "did you mean y?" or null. */
  public String suggestion(Spi spi, String id) {
    return Suggestions.didYouMean(id, ids(spi));
  }

  /** Faults of plugins that could not be loaded, one line each. */
  public List<String> loadProblems() {
    return loadProblems;
  }
}
