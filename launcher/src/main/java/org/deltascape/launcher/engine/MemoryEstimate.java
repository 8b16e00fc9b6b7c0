package org.deltascape.launcher.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Settings;
import org.deltascape.launcher.config.ExperimentConfig;

/**
 * What a run will hold in memory at its peak, estimated from the config before anything is
 * computed, so that a run that cannot fit is refused at once (naming the figure and the key to
 * change) instead of failing an hour in. The parts, in bytes, for N examples of F features, P
 * parameters, D directions, S samples, R orders and numbers of b bytes (4 for float, 8 for double):
 *
 * <ul>
 *   <li>data: the chunks every pass reuses and the training copy, {@code 2·N·F·b};
 *   <li>eigensolver: the Krylov basis and the recorded products of Lanczos, {@code 2·m·P·8} with m
 *       the largest {@code max-products} of a hessian space (300 by default);
 *   <li>subspace model: the first layer's projections {@code (D+1)·N·h·b}, cached for every data
 *       chunk up to 2²⁶ numbers (h the first hidden width, taken as 256 when the model does not
 *       say), and its sample block of 2²³ numbers;
 *   <li>Monte Carlo: the {@code 64 × N} loss block in float64, about four copies (block, chunk
 *       outputs, each estimator's row-major copy);
 *   <li>closed forms: per-example value, D-gradient and D×D Hessian, {@code 2·N·(1+D+D²)·8}, and
 *       their prefix sums;
 *   <li>results: θ samples {@code S·D·8} and directions {@code P·D·8} per space, per-order curves.
 * </ul>
 *
 * <p>It is an upper estimate of the arrays that dominate, not an accounting of every object; the
 * JVM's own overhead (a few hundred MiB) is added as a constant.
 */
public final class MemoryEstimate {

  /** The JVM, ND4J's native libraries and everything small. */
  static final long OVERHEAD = 384L << 20;

  private static final int DEFAULT_MAX_PRODUCTS = 300;
  private static final int DEFAULT_WIDTH = 256;

  private final Map<String, Long> parts;
  private final Map<String, String> keys;

  private MemoryEstimate(Map<String, Long> parts, Map<String, String> keys) {
    this.parts = parts;
    this.keys = keys;
  }

  /** The estimate for {@code config} on N examples of F features and a model of P parameters. */
  public static MemoryEstimate of(ExperimentConfig config, int examples, int features,
      long parameters) {
    long b = "float".equals(config.precision()) ? 4 : 8;
    long n = examples;
    int dim = 1;
    long krylov = 0;
    for (ExperimentConfig.SpaceSpec spec : config.spaces()) {
      Settings settings = spec.plugin().settings();
      if (settings.has("dim")) {
        dim = Math.max(dim, settings.integer("dim"));
      }
      if ("hessian".equals(spec.plugin().id())) {
        krylov = Math.max(krylov, 2L * maxProducts(settings) * parameters * 8);
      }
    }
    int width = firstWidth(config.model());
    int spaces = config.spaces().size();
    Map<String, Long> parts = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    parts.put("data", 2 * n * features * b);
    keys.put("data", "dataset.limit");
    parts.put("eigensolver", krylov);
    keys.put("eigensolver", "spaces.<i>.backend.max-products");
    parts.put("subspace model", (Math.min((dim + 1L) * n * width, 1L << 26) + (1L << 23)) * b);
    keys.put("subspace model", "spaces.<i>.dim");
    parts.put("monte carlo", 4L * MonteCarloPass.BLOCK * n * 8);
    keys.put("monte carlo", "dataset.limit");
    parts.put("closed forms", 3L * n * (1L + dim + (long) dim * dim) * 8);
    keys.put("closed forms", "estimators");
    parts.put("results", spaces * ((long) config.samples() * dim * 8 + parameters * dim * 8
        + (long) config.orders() * n * 8 * 2));
    keys.put("results", "sampler.samples");
    parts.put("jvm", OVERHEAD);
    keys.put("jvm", "DELTASCAPE_JAVA_OPTS (-Xmx)");
    return new MemoryEstimate(parts, keys);
  }

  /** The total, in bytes. */
  public long bytes() {
    return parts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each part, in bytes, in a fixed order. */
  public Map<String, Long> parts() {
    return new LinkedHashMap<>(parts);
  }

  /** One line: the total and its largest parts, e.g. {@code "about 1.2 GiB (eigensolver 0.9)"}. */
  public String text() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "about %s", gib(bytes())));
    String sep = " (";
    for (Map.Entry<String, Long> part : parts.entrySet()) {
      if (part.getValue() >= bytes() / 10) {
        text.append(sep).append(part.getKey()).append(' ').append(gib(part.getValue()));
        sep = ", ";
      }
    }
    return text.append(")").toString();
  }

  /**
   * Refuses a run whose estimate exceeds {@code available} bytes.
   *
   * @throws DeltascapeException naming the estimate, what is available and the key of the largest
   *     part
   */
  public void requireFits(long available) {
    if (bytes() <= available) {
      return;
    }
    String largest = parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
        .getKey();
    throw new DeltascapeException(
        "the run needs " + text() + " of memory but the JVM may use at most " + gib(available),
        "memory estimate",
        "Lower " + keys.get(largest) + " (the largest part, " + largest + "), or give the JVM more"
            + " memory (DELTASCAPE_JAVA_OPTS=-Xmx…)");
  }

  /** Refuses a run that cannot fit in this JVM's maximum heap. */
  public void requireFitsInHeap() {
    requireFits(Runtime.getRuntime().maxMemory());
  }

  private static int maxProducts(Settings space) {
    Object backend = space.has("backend") ? space.value("backend") : null;
    if (backend instanceof PluginChoice choice && choice.settings().has("max-products")) {
      return choice.settings().integer("max-products");
    }
    if (backend instanceof Map<?, ?> map && map.get("max-products") instanceof Number number) {
      return number.intValue();
    }
    return DEFAULT_MAX_PRODUCTS;
  }

  private static int firstWidth(PluginChoice model) {
    Settings settings = model.settings();
    if (settings.has("hidden")) {
      try {
        var hidden = settings.integers("hidden");
        if (!hidden.isEmpty()) {
          return hidden.get(0);
        }
      } catch (RuntimeException notAList) {
        return DEFAULT_WIDTH;
      }
    }
    return DEFAULT_WIDTH;
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }
}
