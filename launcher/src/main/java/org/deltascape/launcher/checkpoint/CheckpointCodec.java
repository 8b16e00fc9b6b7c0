package org.deltascape.launcher.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Directions;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.PartialSums;
import org.deltascape.launcher.engine.RunJournal;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three kinds of stage checkpoint, to and from {@link CheckpointFile}s: a fit (w*, history,
 * trajectory), a space's directions (basis and spectrum, in the data type they were built in) and
 * a space's Monte Carlo progress (samples done, each estimator's partial sums).
 */
final class CheckpointCodec {

  /** Samples per Monte Carlo block: progress is only ever kept at block boundaries. */
  static final int BLOCK = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointCodec() {}

  static void writeFit(Path file, String hash, String key, RunJournal.SavedFit fit) {
    Map<String, double[]> arrays = new LinkedHashMap<>();
    arrays.put("weights", fit.weights());
    for (int i = 0; i < fit.trajectory().size(); i++) {
      arrays.put("trajectory-" + i, fit.trajectory().get(i));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("key", key);
    meta.put("history", fit.history());
    meta.put("trajectory", fit.trajectory().size());
    CheckpointFile.write(file, "fit", hash, meta, arrays);
  }

  static RunJournal.SavedFit fit(CheckpointContents contents, String key) {
    CheckpointContents.Fields fields = contents.fields();
    JsonNode meta = contents.meta();
    requireKey(fields, meta, key);
    double[] weights = contents.array("weights");
    long snapshots = fields.integer(meta, "trajectory", 0, 1 << 20);
    List<double[]> trajectory = new ArrayList<>();
    for (int i = 0; i < snapshots; i++) {
      trajectory.add(contents.array("trajectory-" + i, weights.length));
    }
    List<Map<String, Object>> history = new ArrayList<>();
    for (JsonNode epoch : fields.list(meta, "history")) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("epoch", (int) fields.integer(epoch, "epoch", 1, Integer.MAX_VALUE));
      entry.put("loss", number(fields, epoch, "loss"));
      entry.put("seconds", number(fields, epoch, "seconds"));
      history.add(entry);
    }
    return new RunJournal.SavedFit(weights, history, trajectory);
  }

  static void writeDirections(Path file, String hash, String key, Directions directions,
      int products) {
    Map<String, Object> meta = new LinkedHashMap<>();
    Map<String, double[]> arrays = new LinkedHashMap<>();
    meta.put("key", key);
    meta.put("orthonormal", directions.orthonormal());
    meta.put("products", products);
    put(meta, arrays, "basis", directions.basis());
    Eigenpairs spectrum = directions.spectrum();
    meta.put("spectrum", spectrum != null);
    if (spectrum != null) {
      put(meta, arrays, "vectors", spectrum.vectors());
      arrays.put("values", spectrum.values());
      arrays.put("residuals", spectrum.residuals());
      meta.put("converged", spectrum.converged());
    }
    CheckpointFile.write(file, "directions", hash, meta, arrays);
  }

  static Map.Entry<Directions, Integer> directions(CheckpointContents contents, String key) {
    CheckpointContents.Fields fields = contents.fields();
    JsonNode meta = contents.meta();
    requireKey(fields, meta, key);
    INDArray basis = matrix(contents, "basis");
    Eigenpairs spectrum = null;
    if (fields.bool(meta, "spectrum")) {
      INDArray vectors = matrix(contents, "vectors");
      spectrum = new Eigenpairs(contents.array("values", vectors.columns()), vectors,
          contents.array("residuals", vectors.columns()), fields.bool(meta, "converged"));
    }
    int products = (int) fields.integer(meta, "products", 0, Integer.MAX_VALUE);
    return new AbstractMap.SimpleImmutableEntry<>(
        new Directions(basis, fields.bool(meta, "orthonormal"), spectrum), products);
  }

  static void writeMonteCarlo(Path file, String hash, int point, String space, int samplesDone,
      int samples, Map<String, PartialSums> sums) {
    Map<String, Object> meta = new LinkedHashMap<>();
    Map<String, double[]> arrays = new LinkedHashMap<>();
    meta.put("point", point);
    meta.put("space", space);
    meta.put("samples_done", samplesDone);
    meta.put("samples", samples);
    List<Map<String, Object>> estimators = new ArrayList<>();
    for (PartialSums partial : sums.values()) {
      estimators.add(Map.of("id", partial.estimator(), "first", partial.first(),
          "count", partial.count()));
      arrays.put(partial.estimator(), partial.sums());
    }
    meta.put("estimators", estimators);
    CheckpointFile.write(file, "monte-carlo", hash, meta, arrays);
  }

  static RunJournal.Progress monteCarlo(CheckpointContents contents, int point, String space) {
    CheckpointContents.Fields fields = contents.fields();
    JsonNode meta = contents.meta();
    if (fields.integer(meta, "point", 0, Integer.MAX_VALUE) != point
        || !fields.text(meta, "space").equals(space)) {
      throw fields.fault("meta.space", "another space's progress", "point " + point + ", " + space);
    }
    int samples = (int) fields.integer(meta, "samples", 1, Integer.MAX_VALUE);
    int done = (int) fields.integer(meta, "samples_done", 0, samples);
    if (done % BLOCK != 0 && done != samples) {
      throw fields.fault("meta.samples_done", Integer.toString(done),
          "a multiple of " + BLOCK + " or " + samples);
    }
    Map<String, PartialSums> sums = new LinkedHashMap<>();
    for (JsonNode entry : fields.list(meta, "estimators")) {
      String id = fields.text(entry, "id");
      fields.integer(entry, "first", 0, 0);
      fields.integer(entry, "count", done, done);
      sums.put(id, new PartialSums(id, 0, done, contents.array(id)));
    }
    return new RunJournal.Progress(done, sums);
  }

  private static void put(Map<String, Object> meta, Map<String, double[]> arrays, String name,
      INDArray matrix) {
    meta.put(name + "_shape", List.of(matrix.rows(), matrix.columns()));
    meta.put(name + "_type", matrix.dataType().name());
    meta.put(name + "_ordering", String.valueOf(matrix.ordering()));
    arrays.put(name, matrix.dup('c').castTo(DataType.DOUBLE).data().asDouble());
  }

  private static INDArray matrix(CheckpointContents contents, String name) {
    CheckpointContents.Fields fields = contents.fields();
    JsonNode meta = contents.meta();
    JsonNode shape = fields.list(meta, name + "_shape");
    if (shape.size() != 2 || !shape.get(0).canConvertToInt() || !shape.get(1).canConvertToInt()
        || shape.get(0).asInt() < 1 || shape.get(1).asInt() < 1) {
      throw fields.fault(name + "_shape", shape.toString(), "[rows, columns]");
    }
    int rows = shape.get(0).asInt();
    int columns = shape.get(1).asInt();
    String type = fields.text(meta, name + "_type");
    if (!type.equals("DOUBLE") && !type.equals("FLOAT")) {
      throw fields.fault(name + "_type", type, "DOUBLE or FLOAT");
    }
    double[] values = contents.array(name, (long) rows * columns);
    String ordering = fields.text(meta, name + "_ordering");
    if (!ordering.equals("c") && !ordering.equals("f")) {
      throw fields.fault(name + "_ordering", ordering, "c or f");
    }
    INDArray matrix = Nd4j.createFromArray(values).reshape('c', rows, columns);
    matrix = type.equals("FLOAT") ? matrix.castTo(DataType.FLOAT) : matrix;
    return ordering.equals("f") ? matrix.dup('f') : matrix;
  }

  private static void requireKey(CheckpointContents.Fields fields, JsonNode meta, String key) {
    String found = fields.text(meta, "key");
    if (!found.equals(key)) {
      throw fields.fault("meta.key", "another stage's key", key);
    }
  }

  private static double number(CheckpointContents.Fields fields, JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isNumber()) {
      throw fields.fault(name, String.valueOf(value), "a number");
    }
    return value.asDouble();
  }

  static ObjectMapper json() {
    return JSON;
  }
}
