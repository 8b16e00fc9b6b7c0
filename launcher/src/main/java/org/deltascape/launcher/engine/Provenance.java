package org.deltascape.launcher.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deltascape.api.PluginChoice;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.PluginSource;
import org.deltascape.launcher.discovery.Spi;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The record that makes a run traceable and rerunnable: the canonical config and its SHA-256, the
 * seeds, the data's and the orders' fingerprints, every plugin used with its version and origin,
 * and the software and threads that computed the numbers.
 */
public final class Provenance {

  private Provenance() {}

  /** The provenance of a run of {@code config}. */
  public static Map<String, Object> of(ExperimentConfig config, PluginRegistry registry,
      String datasetSha256, DataOrders orders, Map<String, Object> engine) {
    Map<String, Object> record = new LinkedHashMap<>();
    try {
      record.put("config", new ObjectMapper().readValue(config.canonical(), Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the canonical config is not JSON", e);
    }
    record.put("config_sha256", sha256(config.canonical()));
    Map<String, Object> seeds = new LinkedHashMap<>();
    seeds.put("training", config.seeds().training());
    seeds.put("order", config.seeds().order());
    seeds.put("sampling", config.seeds().sampling());
    record.put("seeds", seeds);
    record.put("dataset_sha256", datasetSha256);
    record.put("data_order_fingerprints", orders.fingerprints());
    record.put("plugins", plugins(config, registry));
    record.put("deltascape", version(Provenance.class.getPackage().getImplementationVersion()));
    record.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    record.put("nd4j", nd4jVersion());
    record.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    Map<String, Object> threads = new LinkedHashMap<>();
    threads.put("nd4j_threads", ThreadPolicy.current());
    threads.put("available_processors", Runtime.getRuntime().availableProcessors());
    record.put("threads", threads);
    record.put("engine", engine);
    return record;
  }

  /** SHA-256 of UTF-8 text, lower-case hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static List<Map<String, Object>> plugins(ExperimentConfig config, PluginRegistry registry) {
    List<Map<String, Object>> used = new ArrayList<>();
    add(used, registry, Spi.DATASET, config.dataset());
    add(used, registry, Spi.MODEL, config.model());
    config.spaces().forEach(space -> add(used, registry, Spi.SPACE, space.plugin()));
    add(used, registry, Spi.SAMPLER, config.sampler());
    config.estimators().forEach(estimator -> add(used, registry, Spi.ESTIMATOR, estimator));
    return used;
  }

  private static void add(
      List<Map<String, Object>> used, PluginRegistry registry, Spi spi, PluginChoice choice) {
    PluginSource<?> source = registry.plugins(spi).get(choice.id());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("spi", spi.label());
    entry.put("id", choice.id());
    entry.put("version", source.plugin().version());
    entry.put("origin", source.origin());
    if (used.stream().noneMatch(e -> e.equals(entry))) {
      used.add(entry);
    }
    for (var key : source.plugin().configKeys()) {
      if (key.spi() != null && choice.settings().value(key.name()) instanceof PluginChoice inner) {
        add(used, registry, Spi.of(key.spi()), inner);
      }
    }
  }

  private static String nd4jVersion() {
    try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String version(String version) {
    return version == null ? "dev" : version;
  }
}
