package org.deltascape.launcher.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.Eigenpairs;
import org.deltascape.launcher.engine.EstimatorResult;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a run's result files into its folder, each atomically: {@code delta.csv}, {@code
 * spectrum.csv}, {@code summary.json}, and the {@code .npy} arrays another tool needs to check
 * our numbers.
 */
public final class RunWriter {

  /** The first columns of {@code delta.csv}, in order. */
  public static final List<String> DELTA_COLUMNS =
      List.of("space", "estimator", "k", "examples", "delta", "std_error", "ci_low", "ci_high",
          "delta_k2", "loss_k");

  /** The columns of {@code spectrum.csv}. */
  public static final List<String> SPECTRUM_COLUMNS =
      List.of("space", "index", "eigenvalue", "residual", "hvp_count");

  private static final double Z95 = 1.959963984540054;

  private RunWriter() {}

  /** Writes every result file of {@code run} into {@code run.folder()}. */
  public static void write(RunResult run) {
    Path folder = run.folder();
    writeDelta(folder.resolve("delta.csv"), run);
    writeSpectrum(folder.resolve("spectrum.csv"), run);
    NpyFile.writeDoubles(folder.resolve("weights.npy"), new long[] {run.weights().length}, run.weights());
    int n = run.data().examples();
    NpyFile.writeInts(folder.resolve("orders.npy"), new long[] {run.orders().orders().length, n},
        run.orders().flat());
    for (SpaceResult space : run.spaces()) {
      INDArray basis = space.directions().basis();
      NpyFile.writeDoubles(folder.resolve("directions-" + space.name() + ".npy"),
          new long[] {basis.rows(), basis.columns()}, basis.dup('c').data().asDouble());
      int d = space.directions().dimension();
      if (space.thetas().length > 0) {
        NpyFile.writeDoubles(folder.resolve("samples-" + space.name() + ".npy"),
            new long[] {space.thetas().length / d, d}, space.thetas());
      }
    }
    writeJson(folder.resolve("summary.json"), Summary.of(run));
  }

  /** Writes a JSON document (maps keep their order) atomically. */
  public static void writeJson(Path file, Object document) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(file, out -> {
      out.write(mapper.writeValueAsBytes(document));
      out.write('\n');
    });
  }

  private static void writeDelta(Path file, RunResult run) {
    int b = run.data().blockSize();
    AtomicFiles.write(file, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
          .setHeader(DELTA_COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get());
      for (SpaceResult space : run.spaces()) {
        for (EstimatorResult estimate : space.estimates()) {
          DeltaCurve curve = estimate.curve();
          for (int j = 0; j < curve.steps(); j++) {
            int k = j + 1;
            double delta = curve.delta()[j];
            double se = curve.stdError()[j];
            csv.printRecord(space.name(), estimate.estimator(), k, k * b, number(delta), number(se),
                number(delta - Z95 * se), number(delta + Z95 * se), number(delta * k * (double) k),
                number(run.lossAtCentre()[j]));
          }
        }
      }
      csv.flush();
    });
  }

  private static void writeSpectrum(Path file, RunResult run) {
    AtomicFiles.write(file, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
          .setHeader(SPECTRUM_COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get());
      for (SpaceResult space : run.spaces()) {
        Eigenpairs spectrum = space.directions().spectrum();
        if (spectrum == null) {
          continue;
        }
        double[] values = spectrum.values();
        double[] residuals = spectrum.residuals();
        for (int i = 0; i < values.length; i++) {
          csv.printRecord(space.name(), i + 1, number(values[i]), number(residuals[i]), space.products());
        }
      }
      csv.flush();
    });
  }

  /** Locale-free shortest round-trip text of a double ({@code NaN} for NaN). */
  static String number(double value) {
    return Double.toString(value);
  }
}
