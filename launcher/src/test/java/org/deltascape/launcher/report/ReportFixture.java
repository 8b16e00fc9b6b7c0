package org.deltascape.launcher.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small, fixed run folder written by hand: two spaces ({@code hessian}, {@code random_10}), two
 * estimators, k = 1..6 in blocks of b = 10 with Δ_k = V/(b·k(k+1)), a spectrum, an SLQ density,
 * and a surface and profiles for the hessian space.
 */
final class ReportFixture {

  static final String SHA = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8";

  private ReportFixture() {}

  /** Writes the run into {@code folder} (created); returns it. */
  static Path write(Path folder) {
    return write(folder, "fixture", SHA, "mlp", 2410);
  }

  /** As {@link #write(Path)}, with another name, dataset hash or model. */
  static Path write(Path folder, String name, String sha, String model, long parameters) {
    StringBuilder delta = new StringBuilder("space,estimator,k,examples,delta,std_error,ci_low,ci_high,delta_k2,loss_k\n");
    String[][] spaces = {{"hessian", "0.014"}, {"random_10", "0.0009"}};
    for (String[] space : spaces) {
      double v = Double.parseDouble(space[1]);
      for (String estimator : new String[] {"monte-carlo", "permutation-mean"}) {
        for (int k = 1; k <= 6; k++) {
          double d = v / (10.0 * k * (k + 1)) * (estimator.equals("monte-carlo") ? 1 + 0.1 * Math.sin(k) : 1);
          double se = d * 0.2;
          delta.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%s,%s,%s,%s%n", space[0], estimator, k, 10 * k,
              d, se, d - 1.96 * se, d + 1.96 * se, d * k * k, 0.01 + 0.001 / k));
        }
      }
    }
    StringBuilder surface = new StringBuilder("examples,alpha,beta,loss\n");
    StringBuilder profile = new StringBuilder("examples,direction,t,loss\n");
    for (int k : new int[] {1, 10, 60}) {
      for (int i = -1; i <= 1; i++) {
        for (int j = -1; j <= 1; j++) {
          surface.append(String.format(Locale.ROOT, "%d,%s,%s,%s%n", k, i * 0.5, j * 0.5,
              0.5 * (i * i * 0.25 + 2 * j * j * 0.25) + 0.1 / k));
        }
        for (int d = 1; d <= 2; d++) {
          profile.append(String.format(Locale.ROOT, "%d,%d,%s,%s%n", k, d, i * 0.5, 0.5 * d * i * i * 0.25 + 0.1 / k));
        }
      }
    }
    write(folder.resolve("delta.csv"), delta.toString());
    write(folder.resolve("spectrum.csv"), "space,index,eigenvalue,residual,hvp_count\n"
        + "hessian,1,0.6424,1.5E-15,42\nhessian,2,0.3584,9.1E-16,42\nhessian,3,0.2735,4.2E-14,42\n");
    write(folder.resolve("density.csv"), "eigenvalue,density\n0.0,0.5\n0.3,1.5\n0.6,0.2\n");
    write(folder.resolve("surface-hessian.csv"), surface.toString());
    write(folder.resolve("profile-hessian.csv"), profile.toString());
    write(folder.resolve("summary.json"), SUMMARY.replace("@NAME@", name).replace("@SHA@", sha)
        .replace("@MODEL@", model).replace("@P@", Long.toString(parameters)));
    return folder;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String SUMMARY = """
      {
        "name" : "@NAME@",
        "data" : { "name" : "digits/train", "examples" : 70, "used_examples" : 70, "block_size" : 10,
                   "steps" : 6, "test_examples" : 20, "sha256" : "@SHA@", "notes" : [ "a note on the data" ] },
        "model" : { "id" : "@MODEL@", "parameters" : @P@, "trained" : true,
          "train" : { "loss" : 0.0096, "accuracy" : 1.0, "examples" : 70 },
          "test" : { "loss" : 0.32, "accuracy" : 0.9, "examples" : 20 },
          "history" : [ { "epoch" : 1, "loss" : 1.9, "seconds" : 0.8 }, { "epoch" : 2, "loss" : 0.9, "seconds" : 0.7 },
                        { "epoch" : 3, "loss" : 0.4, "seconds" : 0.3 } ] },
        "spaces" : { },
        "plateau" : {
          "hessian" : { "monte-carlo" : { "value" : 0.0141, "std_error" : 0.00088 },
                        "permutation-mean" : { "value" : 0.0134, "std_error" : 0.00075 } },
          "random_10" : { "monte-carlo" : { "value" : 0.000897, "std_error" : 0.0000326 },
                          "permutation-mean" : { "value" : 0.000852, "std_error" : null } } },
        "sufficient" : {
          "hessian" : { "monte-carlo" : { "epsilon" : 1e-5, "k" : 21, "k_low" : 12, "k_high" : 33, "examples" : 210 },
                        "permutation-mean" : { "epsilon" : 1e-5, "k" : 12, "k_low" : 11, "k_high" : 12, "examples" : 120 } },
          "random_10" : { "monte-carlo" : { "epsilon" : 1e-5, "k" : 3, "k_low" : 1, "k_high" : 6, "examples" : 30 },
                          "permutation-mean" : { "epsilon" : 1e-5, "k" : 3, "k_low" : 3, "k_high" : 3, "examples" : 30 } } },
        "estimator_notes" : { "hessian" : { "monte-carlo" : { "std-error" : "over orders and samples" } } },
        "timings" : { "load" : 0.462, "train" : 9.991, "space:hessian" : 1.43, "monte-carlo:hessian" : 4.045,
                      "estimate:hessian" : 0.004, "space:random_10" : 0.011, "monte-carlo:random_10" : 1.726,
                      "estimate:random_10" : 0.002, "total" : 17.671 },
        "provenance" : { "config" : { "name" : "@NAME@", "seed" : 7 }, "config_sha256" : "abc",
                         "dataset_sha256" : "@SHA@", "threads" : 1 }
      }
      """;
}
