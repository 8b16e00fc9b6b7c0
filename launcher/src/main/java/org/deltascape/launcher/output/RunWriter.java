package org.deltascape.launcher.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Settings;
import org.deltascape.api.SpectralDensity;
import org.deltascape.launcher.engine.CurvatureResult;
import org.deltascape.launcher.engine.EstimatorResult;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;
import org.deltascape.launcher.report.Landscapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a run's result files into its folder, each atomically: {@code delta.csv}, {@code
 * spectrum.csv}, {@code summary.json}, the curvature analyses ({@code density.csv}, {@code
 * prefix-spectrum.csv}) and the {@code .npy} arrays another tool needs to check our numbers. A
 * sweep writes one {@code delta.csv} and {@code spectrum.csv} for all its points, the swept
 * values as extra columns, and each point's arrays under {@code points/<index>/}.
 */
public final class RunWriter {

  /** The first columns of {@code delta.csv}, in order; swept keys follow. */
  public static final List<String> DELTA_COLUMNS =
      List.of("space", "estimator", "k", "examples", "delta", "std_error", "ci_low", "ci_high",
          "delta_k2", "loss_k");

  /** The columns of {@code spectrum.csv}; swept keys follow. */
  public static final List<String> SPECTRUM_COLUMNS =
      List.of("space", "index", "eigenvalue", "residual", "hvp_count");

  private static final double Z95 = 1.959963984540054;

  private RunWriter() {}

  /** Writes every result file of one experiment into {@code run.folder()}. */
  public static void write(RunResult run) {
    write(List.of(run), List.of());
  }

  /** Writes every result file of the points of an experiment (one, or a sweep's). */
  public static void write(List<RunResult> runs, List<String> sweepKeys) {
    write(runs, sweepKeys, null);
  }

  /**
   * Writes every result file; {@code summary.json} also records how the results came about when
   * that is not a plain run ({@code resumed}: what a resume reused; {@code merged}: the shards).
   *
   * @param origin entries added to {@code summary.json}, or null
   */
  public static void write(List<RunResult> runs, List<String> sweepKeys, Map<String, Object> origin) {
    Path folder = runs.get(0).folder();
    writeDelta(folder.resolve("delta.csv"), runs, sweepKeys);
    writeSpectrum(folder.resolve("spectrum.csv"), runs, sweepKeys);
    for (int i = 0; i < runs.size(); i++) {
      RunResult run = runs.get(i);
      Path arrays = sweepKeys.isEmpty() ? folder : folder.resolve("points").resolve(Integer.toString(i));
      writeArrays(arrays, run);
      for (SpaceResult space : run.spaces()) {
        if (space.landscape() != null) {
          Landscapes.write(arrays, space.name(), space.landscape());
        }
      }
      writeCurvature(arrays, run.curvature());
    }
    Map<String, Object> summary =
        sweepKeys.isEmpty() ? Summary.of(runs.get(0)) : Summary.ofSweep(runs, sweepKeys);
    if (origin != null) {
      summary.putAll(origin);
    }
    writeJson(folder.resolve("summary.json"), summary);
  }

  /** Writes a JSON document (maps keep their order) atomically. */
  public static void writeJson(Path file, Object document) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(file, out -> {
      out.write(mapper.writeValueAsBytes(document));
      out.write('\n');
    });
  }

  private static void writeArrays(Path folder, RunResult run) {
    NpyFile.writeDoubles(folder.resolve("weights.npy"), new long[] {run.weights().length}, run.weights());
    NpyFile.writeInts(folder.resolve("orders.npy"),
        new long[] {run.orders().orders().length, run.data().examples()}, run.orders().flat());
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
  }

  private static void writeDelta(Path file, List<RunResult> runs, List<String> sweepKeys) {
    writeCsv(file, header(DELTA_COLUMNS, sweepKeys), csv -> {
      for (RunResult run : runs) {
        int b = run.data().blockSize();
        List<String> swept = sweptValues(run, sweepKeys);
        for (SpaceResult space : run.spaces()) {
          for (EstimatorResult estimate : space.estimates()) {
            DeltaCurve curve = estimate.curve();
            for (int j = 0; j < curve.steps(); j++) {
              int k = j + 1;
              double delta = curve.delta()[j];
              double se = curve.stdError()[j];
              List<Object> row = new ArrayList<>(List.of(space.name(), estimate.estimator(), k, k * b,
                  number(delta), number(se), number(delta - Z95 * se), number(delta + Z95 * se),
                  number(delta * k * (double) k), number(run.lossAtCentre()[j])));
              row.addAll(swept);
              csv.printRecord(row);
            }
          }
        }
      }
    });
  }

  private static void writeSpectrum(Path file, List<RunResult> runs, List<String> sweepKeys) {
    writeCsv(file, header(SPECTRUM_COLUMNS, sweepKeys), csv -> {
      for (RunResult run : runs) {
        List<String> swept = sweptValues(run, sweepKeys);
        for (SpaceResult space : run.spaces()) {
          Eigenpairs spectrum = space.directions().spectrum();
          if (spectrum == null) {
            continue;
          }
          double[] values = spectrum.values();
          double[] residuals = spectrum.residuals();
          for (int i = 0; i < values.length; i++) {
            List<Object> row = new ArrayList<>(List.of(space.name(), i + 1, number(values[i]),
                number(residuals[i]), space.products()));
            row.addAll(swept);
            csv.printRecord(row);
          }
        }
      }
    });
  }

  private static void writeCurvature(Path folder, CurvatureResult curvature) {
    SpectralDensity density = curvature.density();
    if (density != null) {
      writeCsv(folder.resolve("density.csv"), List.of("eigenvalue", "density"), csv -> {
        for (int i = 0; i < density.grid().length; i++) {
          csv.printRecord(number(density.grid()[i]), number(density.density()[i]));
        }
      });
    }
    if (!curvature.prefix().isEmpty()) {
      writeCsv(folder.resolve("prefix-spectrum.csv"),
          List.of("k", "examples", "index", "eigenvalue", "residual", "hvp_count"), csv -> {
            for (CurvatureResult.PrefixSpectrum spectrum : curvature.prefix()) {
              double[] values = spectrum.pairs().values();
              double[] residuals = spectrum.pairs().residuals();
              for (int i = 0; i < values.length; i++) {
                csv.printRecord(spectrum.step(), spectrum.examples(), i + 1, number(values[i]),
                    number(residuals[i]), spectrum.products());
              }
            }
          });
    }
  }

  private interface Rows {
    void print(CSVPrinter csv) throws IOException;
  }

  private static void writeCsv(Path file, List<String> header, Rows rows) {
    AtomicFiles.write(file, out -> {
      CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
              .setRecordSeparator('\n').get());
      rows.print(csv);
      csv.flush();
    });
  }

  private static List<String> header(List<String> columns, List<String> sweepKeys) {
    List<String> header = new ArrayList<>(columns);
    header.addAll(sweepKeys);
    return header;
  }

  private static List<String> sweptValues(RunResult run, List<String> sweepKeys) {
    List<String> values = new ArrayList<>();
    Map<String, Object> point = new LinkedHashMap<>(run.sweepValues());
    for (String key : sweepKeys) {
      values.add(Settings.render(point.get(key)));
    }
    return values;
  }

  /** Locale-free shortest round-trip text of a double ({@code NaN} for NaN). */
  static String number(double value) {
    return Double.toString(value);
  }
}
