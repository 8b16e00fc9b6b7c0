package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.MemoryEstimate;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;
import org.deltascape.launcher.engine.ThreadPolicy;
import org.deltascape.launcher.output.RunWriter;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deltascape bench [CONFIG]}: issue 6's end-to-end target. Runs an experiment in-process
 * (by default the authors' protocol, {@code bench/configs/paper-protocol.yaml}) and prints the
 * memory estimate made before it, the wall time of each stage from the run's timings, the total
 * against the target of {@value #TARGET_SECONDS} s and PyTorch's {@value #PYTORCH_SECONDS} s, and
 * the peak resident memory (the kernel's high-water mark of this process, {@code VmHWM}) against
 * {@value #TARGET_GIB} GiB. The run folder is written as by {@code run}.
 */
@Command(
    name = "bench",
    description = "Time the authors' protocol end to end: each stage, the memory estimate and peak memory.",
    sortOptions = false)
public final class BenchCommand implements Callable<Integer> {

  static final double TARGET_SECONDS = 90;
  static final double PYTORCH_SECONDS = 211;
  static final double TARGET_GIB = 3;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      description = "The experiment to time (default bench/configs/paper-protocol.yaml).")
  Path config = Path.of("bench", "configs", "paper-protocol.yaml");

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR",
      description = "The run folder (default runs/bench-<name>; overwritten).")
  Path output;

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  private final PluginCatalog catalog;
  private final Progress progress;
  private final Console console;

  @Inject
  BenchCommand(PluginCatalog catalog, Progress progress, Console console) {
    this.catalog = catalog;
    this.progress = progress;
    this.console = console;
  }

  @Override
  public Integer call() {
    threads.apply(spec.commandLine());
    if (!Files.isRegularFile(config)) {
      throw new DeltascapeException("no such config file", config.toString(),
          "Run deltascape bench from the repository's root, or name a config");
    }
    ConfigLoader.Loaded loaded = ConfigLoader.load(catalog, config, overrides, List.of());
    ExperimentConfig experiment = loaded.config();
    PrintStream out = console.out();
    out.println("bench: " + config + " with " + ThreadPolicy.current() + " thread(s), max heap "
        + gib(Runtime.getRuntime().maxMemory()) + " GiB");
    out.println("memory estimate: " + estimate(loaded, experiment).text());
    Path folder = output != null ? output : Path.of("runs", "bench-" + experiment.name());
    long start = System.nanoTime();
    List<RunResult> results = new Experiment(loaded.registry(), progress).run(loaded.plan(), folder);
    double wall = (System.nanoTime() - start) / 1e9;
    RunWriter.write(results, loaded.plan().keys());
    double peak = peakResidentGib();
    out.println("stage                      seconds   share");
    for (RunResult result : results) {
      for (Map.Entry<String, Double> lap : result.timings().entrySet()) {
        out.println(String.format(Locale.ROOT, "%-24s %9.2f  %5.1f%%", lap.getKey(),
            lap.getValue(), 100 * lap.getValue() / wall));
      }
    }
    out.println(String.format(Locale.ROOT, "%-24s %9.2f", "wall (in-process)", wall));
    for (RunResult result : results) {
      for (SpaceResult space : result.spaces()) {
        Eigenpairs spectrum = space.directions().spectrum();
        if (spectrum != null) {
          double worst = 0;
          for (double residual : spectrum.residuals()) {
            worst = Math.max(worst, residual);
          }
          out.println(String.format(Locale.ROOT,
              "space %s: %d Hessian-vector products, largest relative residual %.2e, converged %s",
              space.name(), space.products(), worst, spectrum.converged()));
        }
      }
    }
    out.println(String.format(Locale.ROOT,
        "wall / target %.0f s = %.2f; PyTorch %.0f s / wall = %.2f", TARGET_SECONDS,
        wall / TARGET_SECONDS, PYTORCH_SECONDS, PYTORCH_SECONDS / wall));
    out.println(Double.isNaN(peak) ? "peak resident memory: unknown (no /proc/self/status)"
        : String.format(Locale.ROOT, "peak resident memory %.2f GiB / target %.0f GiB = %.2f",
            peak, TARGET_GIB, peak / TARGET_GIB));
    out.println("run folder: " + folder);
    return 0;
  }

  /** The estimate the experiment makes before it starts, made here to print it. */
  private static MemoryEstimate estimate(ConfigLoader.Loaded loaded, ExperimentConfig config) {
    Dataset train = loaded.registry().require(DatasetProvider.class, config.dataset().id())
        .load(config.dataset().settings(),
            new DatasetContext(config.seeds().order(), Progress.silent())).train();
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    Model model = loaded.registry().require(ModelProvider.class, config.model().id())
        .create(config.model().settings(), ModelContext.of(train, type));
    return MemoryEstimate.of(config, train.size(), train.featureCount(), model.parameterCount());
  }

  /** VmHWM of this process in GiB, NaN where the kernel does not say. */
  static double peakResidentGib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return kib / (1024.0 * 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.2f", bytes / (double) (1L << 30));
  }
}
