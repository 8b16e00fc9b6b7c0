package org.deltascape.launcher.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The CNN's speed figures in one JMH run ({@link CnnBenchmark} and {@link GemmBenchmark} side by
 * side, so that the machine's load hits every term): seconds per pass over 9,984 examples, the
 * HVP over the gradient, Monte Carlo's seconds per θ sample, and each against the float32 GEMM rate
 * through the convolutions' arithmetic (im2col products only; the dense head's 31 kflop per example
 * is left out).
 *
 * <p>{@code bench/cnn [THREADS]} (default 1). To time other code on the same fixture, put its
 * {@code plugins-models} jar first on the classpath ({@code MODELS_JAR=… bench/cnn}).
 */
public final class CnnFigures {
  private CnnFigures() {}

  /** Multiply-adds per example of the paper CNN's two convolutions, as im2col products. */
  private static final double FIRST = 784.0 * 25 * 16;

  private static final double SECOND = 196.0 * 400 * 32;

  public static void main(String[] args) throws RunnerException {
    String threads = args.length > 0 ? args[0] : "1";
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include("CnnBenchmark|GemmBenchmark")
        .param("threads", threads)
        .build()).run();
    Map<String, Double> ms = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      ms.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    double n = CnnFixture.EXAMPLES;
    double gemm = 2.0 * Math.pow(GemmBenchmark.SIZE, 3) / (ms.get("floatGemm") / 1e3) / 1e9;
    // Products per example in units of each convolution's forward product: forward 1 each;
    // gradient adds ∇K (both) and ∂L/∂U (second only); the HVP adds R(C) (1 + 2), R(∇K) (1 + 2)
    // and ∂L/∂U with R(∂L/∂U) (second only, 3).
    double forward = 2 * (FIRST + SECOND);
    double gradient = forward + 2 * (FIRST + 2 * SECOND);
    double hvp = forward + 2 * (FIRST + 2 * SECOND) + 2 * (FIRST + 2 * SECOND) + 2 * 3 * SECOND;
    System.out.println();
    System.out.println("CNN figures, " + threads + " thread(s), float32, N = 9,984:");
    System.out.printf(Locale.ROOT, "  float32 GEMM %d³: %.1f GFLOP/s%n", GemmBenchmark.SIZE, gemm);
    line("forward (losses)", ms.get("forward"), forward * n, gemm);
    line("gradient", ms.get("gradient"), gradient * n, gemm);
    line("Hessian-vector product", ms.get("hessianVectorProduct"), hvp * n, gemm);
    System.out.printf(Locale.ROOT, "  HVP / gradient = %.2f%n",
        ms.get("hessianVectorProduct") / ms.get("gradient"));
    double perSample = ms.get("monteCarloPass") / CnnBenchmark.SAMPLES;
    line("Monte Carlo, per θ sample", perSample, forward * n, gemm);
    System.out.printf(Locale.ROOT, "  Monte Carlo per sample / forward = %.2f%n",
        perSample / ms.get("forward"));
  }

  private static void line(String what, double milliseconds, double flop, double gemm) {
    double rate = flop / (milliseconds / 1e3) / 1e9;
    System.out.printf(Locale.ROOT,
        "  %-26s %8.2f s  (%.1f GFLOP/s in the convolutions, %.2f × GEMM)%n",
        what, milliseconds / 1e3, rate, rate / gemm);
  }
}
