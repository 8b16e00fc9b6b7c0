package org.deltascape.launcher.report;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deltascape.api.Batch;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Model;
import org.deltascape.api.SubspaceModel;
import org.deltascape.launcher.output.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss around w* for pictures (PAPER.md, "2-D loss surfaces on a 21×21 grid over [−1, 1]² in
 * the top-2 directions, for several k"): the mean loss L_k(w* + αe_1 + βe_2) on a grid, and the
 * 1-D profiles L_k(w* + t·e_d) along every direction d, for a few k counted in examples along one
 * data order.
 *
 * <p>One evaluation of the first max(k) examples of the order per grid point gives every k by
 * prefix means, through the subspace model ({@link Model#restrict}) in blocks of grid points.
 * Written as tidy CSVs: {@code surface-<space>.csv} (examples,alpha,beta,loss; n = the first examples of the first data order) and {@code
 * profile-<space>.csv} (examples,direction,t,loss); {@link RunFolder} reads them back.
 */
public final class Landscapes {

  /** The paper's grid: 21 points per axis. */
  public static final int DEFAULT_GRID = 21;

  static final String BAD_GRID = "the landscape grid needs at least 2 points per axis, got %d";
  static final String BAD_RADIUS = "the landscape radius must be positive and finite, got %s";
  static final String BAD_K = "landscape k = %d is outside 1..%d (the examples of the data order)";
  static final String FIX = "Fix the landscape settings of the config";

  /** Grid points evaluated at once: bounds the memory of the S × n loss block. */
  private static final int BLOCK = 32;

  /**
   * The landscape of one space.
   *
   * @param ks the k values, in examples, ascending
   * @param t the grid coordinates, −r..r, shared by α, β and the profiles' t
   * @param surface [k index][α index][β index] → L_k; empty (length 0) when D < 2
   * @param profiles [k index][direction d − 1][t index] → L_k
   */
  public record Landscape(int[] ks, double[] t, double[][][] surface, double[][][] profiles) {}

  private Landscapes() {}

  /**
   * Computes the surface over the first two directions and the profiles along every direction.
   *
   * @param model the model; not thread-safe, so not shared with another thread during the call
   * @param weights w*, DOUBLE [P]
   * @param basis P (P×D, DOUBLE), columns the directions e_1..e_D
   * @param data the training examples, in the dataset's order
   * @param order a data order: indices into {@code data}; L_k averages {@code order[0..k)}
   * @param ks the k values in examples (each in 1..order.length; sorted and deduplicated here)
   * @param radius r: the grid spans [−r, r] on each axis
   * @param grid points per axis (the paper's 21)
   * @throws DeltascapeException when a k, the radius or the grid is out of range
   */
  public static Landscape compute(Model model, INDArray weights, INDArray basis, Batch data, int[] order,
      int[] ks, double radius, int grid) {
    if (grid < 2) {
      throw new DeltascapeException(String.format(BAD_GRID, grid), "landscape.grid", FIX);
    }
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new DeltascapeException(String.format(BAD_RADIUS, radius), "landscape.radius", FIX);
    }
    int[] sorted = Arrays.stream(ks).sorted().distinct().toArray();
    int limit = Math.min(order.length, data.size());
    for (int k : sorted) {
      if (k < 1 || k > limit) {
        throw new DeltascapeException(String.format(BAD_K, k, limit), "landscape.k", FIX);
      }
    }
    int kMax = sorted[sorted.length - 1];
    int[] first = Arrays.copyOf(order, kMax);
    Batch prefix = new Batch(data.features().getRows(first), data.targets().getRows(first));
    int d = basis.columns();
    double[] t = new double[grid];
    for (int i = 0; i < grid; i++) {
      t[i] = radius * (2 * i - (grid - 1)) / (grid - 1);
    }
    int surfacePoints = d >= 2 ? grid * grid : 0;
    int points = surfacePoints + d * grid;
    double[] thetas = new double[points * d];
    for (int i = 0; i < grid && d >= 2; i++) {
      for (int j = 0; j < grid; j++) {
        thetas[(i * grid + j) * d] = t[i];
        thetas[(i * grid + j) * d + 1] = t[j];
      }
    }
    for (int direction = 0; direction < d; direction++) {
      for (int i = 0; i < grid; i++) {
        thetas[(surfacePoints + direction * grid + i) * d + direction] = t[i];
      }
    }
    double[][] means = prefixMeans(model.restrict(weights, basis), thetas, d, prefix, sorted);
    double[][][] surface = new double[d >= 2 ? sorted.length : 0][grid][grid];
    double[][][] profiles = new double[sorted.length][d][grid];
    for (int k = 0; k < sorted.length; k++) {
      for (int p = 0; p < surfacePoints; p++) {
        surface[k][p / grid][p % grid] = means[p][k];
      }
      for (int p = 0; p < d * grid; p++) {
        profiles[k][p / grid][p % grid] = means[surfacePoints + p][k];
      }
    }
    return new Landscape(sorted, t, surface, profiles);
  }

  /** Writes {@code surface-<space>.csv} (when D ≥ 2) and {@code profile-<space>.csv} into {@code folder}. */
  public static void write(Path folder, String space, Landscape landscape) {
    int[] ks = landscape.ks();
    double[] t = landscape.t();
    if (landscape.surface().length > 0) {
      writeCsv(folder.resolve("surface-" + space + ".csv"), RunFolder.SURFACE_COLUMNS, csv -> {
        for (int k = 0; k < ks.length; k++) {
          for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
              csv.printRecord(ks[k], t[i], t[j], landscape.surface()[k][i][j]);
            }
          }
        }
      });
    }
    writeCsv(folder.resolve("profile-" + space + ".csv"), RunFolder.PROFILE_COLUMNS, csv -> {
      for (int k = 0; k < ks.length; k++) {
        for (int direction = 0; direction < landscape.profiles()[k].length; direction++) {
          for (int i = 0; i < t.length; i++) {
            csv.printRecord(ks[k], direction + 1, t[i], landscape.profiles()[k][direction][i]);
          }
        }
      }
    });
  }

  /** Row p: L_k at grid point p for each k of {@code ks}, from one evaluation of the prefix. */
  private static double[][] prefixMeans(SubspaceModel subspace, double[] thetas, int d, Batch prefix, int[] ks) {
    int points = thetas.length / d;
    int n = prefix.size();
    double[][] means = new double[points][ks.length];
    for (int start = 0; start < points; start += BLOCK) {
      int rows = Math.min(BLOCK, points - start);
      INDArray block = Nd4j.create(Arrays.copyOfRange(thetas, start * d, (start + rows) * d), new long[] {rows, d},
          DataType.DOUBLE);
      INDArray out = Nd4j.zeros(DataType.DOUBLE, rows, n);
      subspace.losses(block, prefix, out);
      double[] losses = out.dup('c').data().asDouble();
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        int position = 0;
        for (int k = 0; k < ks.length; k++) {
          for (; position < ks[k]; position++) {
            sum += losses[r * n + position];
          }
          means[start + r][k] = sum / ks[k];
        }
      }
    }
    return means;
  }

  @FunctionalInterface
  private interface Rows {
    void print(CSVPrinter csv) throws java.io.IOException;
  }

  private static void writeCsv(Path file, java.util.List<String> header, Rows rows) {
    AtomicFiles.write(file, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
          .setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get());
      rows.print(csv);
      csv.flush();
    });
  }
}
