package org.deltascape.launcher.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 6, targets 2–5 in one JMH run, printed as ratios (the machine is shared and noisy, so
 * only ratios measured side by side mean anything): Monte Carlo's effective rate {@code 2·P·N·S /
 * time} over the float32 GEMM rate (target ≥ 1.5), HVP over gradient (target ≤ 2.5), Lanczos'
 * products and residual (target ≤ 40 products, residual ≤ 1e-4·|λ1|), and the quadratic
 * estimator's preparation (target ≤ 10 s).
 *
 * <p>{@code bench/targets [THREADS]} (default 1).
 */
public final class Targets {
  private Targets() {}

  public static void main(String[] args) throws RunnerException {
    String threads = args.length > 0 ? args[0] : "1";
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("GemmBenchmark|MonteCarloBenchmark|CurvatureProductsBenchmark|LanczosBenchmark")
        .param("threads", threads)
        .param("precision", "float");
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> ms = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      ms.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    double gemm = 2.0 * Math.pow(GemmBenchmark.SIZE, 3) / (ms.get("floatGemm") / 1e3) / 1e9;
    double p = 269_322;
    double mc = 2.0 * p * PaperFixture.EXAMPLES * MonteCarloBenchmark.SAMPLES
        / (ms.get("monteCarloPass") / 1e3) / 1e9;
    System.out.println();
    System.out.println("speed targets, " + threads + " thread(s), float32:");
    System.out.printf(Locale.ROOT, "  float32 GEMM %d³: %.1f GFLOP/s%n", GemmBenchmark.SIZE, gemm);
    System.out.printf(Locale.ROOT, "  2. Monte Carlo effective rate %.1f GFLOP/s = %.2f × GEMM"
        + " (target ≥ 1.5)%n", mc, mc / gemm);
    System.out.printf(Locale.ROOT, "  3. HVP %.1f ms / gradient %.1f ms = %.2f (target ≤ 2.5)%n",
        ms.get("hessianVectorProduct"), ms.get("gradient"),
        ms.get("hessianVectorProduct") / ms.get("gradient"));
    System.out.printf(Locale.ROOT, "  4. Lanczos top 10: %.1f s; %s%n", ms.get("lanczosTop10") / 1e3,
        LanczosBenchmark.solve("float", Integer.parseInt(threads)));
    System.out.printf(Locale.ROOT, "  5. quadratic preparation %.2f s per space (target ≤ 10)%n",
        ms.get("quadraticPreparation") / 1e3);
  }
}
