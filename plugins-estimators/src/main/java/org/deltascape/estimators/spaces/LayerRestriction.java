package org.deltascape.estimators.spaces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.Settings;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code layers} key every space has: directions live only in the named tensors of the
 * model's {@link ParameterLayout} and are zero elsewhere. Implemented once for all spaces: a space
 * works in the m selected coordinates ({@link #gather}, {@link #restrict}) and {@link #expand}s
 * its result to R^P. For the {@code hessian} space the operator is compressed to those coordinates
 * ({@code v ↦ E_Lᵀ H E_L v}, E_L the P × m selection), which is the Hessian projected onto the
 * layers before and after each product, without the spurious zero eigenvalues of the complement
 * (which would otherwise outrank a block whose eigenvalues are all negative). An empty list (the
 * default) selects every tensor, and then every method is the identity. Immutable.
 */
final class LayerRestriction {
  static final ConfigKey LAYERS =
      ConfigKey.strings(
          "layers", List.of(), "tensors of the parameter layout the directions live in (all if"
              + " empty)");

  private final List<String> names;
  private final long parameters;
  private final long[][] ranges;
  private final int size;

  private LayerRestriction(List<String> names, long parameters, long[][] ranges) {
    this.names = names;
    this.parameters = parameters;
    this.ranges = ranges;
    long total = 0;
    for (long[] range : ranges) {
      total += range[1] - range[0];
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the selected layers hold " + total + " parameters");
    }
    this.size = (int) total;
  }

  /**
   * The restriction the settings ask for.
   *
   * @throws org.deltascape.api.DeltascapeException naming an unknown tensor, the tensors that exist
   *     and the closest one
   */
  static LayerRestriction of(Settings settings, SubspaceContext context) {
    List<String> wanted = TextKeys.strings(settings, LAYERS);
    long p = context.weights().length();
    if (wanted.isEmpty()) {
      return new LayerRestriction(List.of(), p, new long[][] {{0, p}});
    }
    ParameterLayout layout = context.model().layout();
    List<ParameterTensor> tensors = new ArrayList<>();
    for (String name : wanted) {
      ParameterTensor tensor =
          layout.tensor(name)
              .orElseThrow(
                  () ->
                      settings.invalid(
                          LAYERS.name(),
                          "the model has no tensor " + name + "; its tensors are "
                              + String.join(", ", layout.names()),
                          "Did you mean " + closest(name, layout.names()) + "?"));
      if (!tensors.contains(tensor)) {
        tensors.add(tensor);
      }
    }
    tensors.sort(Comparator.comparingLong(ParameterTensor::offset));
    long[][] ranges = new long[tensors.size()][];
    for (int t = 0; t < ranges.length; t++) {
      ParameterTensor tensor = tensors.get(t);
      ranges[t] = new long[] {tensor.offset(), tensor.offset() + tensor.size()};
    }
    return new LayerRestriction(List.copyOf(wanted), p, ranges);
  }

  /** Whether every tensor is selected. */
  boolean all() {
    return names.isEmpty();
  }

  /** m, the number of selected coordinates. */
  int size() {
    return size;
  }

  /** Whether {@code tensor} is selected. */
  boolean includes(ParameterTensor tensor) {
    return all() || names.contains(tensor.name());
  }

  /** "the model has only P parameters" or "layers [a, b] hold only m parameters". */
  String capacity() {
    return all()
        ? "the model has only " + size + " parameters"
        : "layers " + names + " hold only " + size + " parameters";
  }

  /** The selected coordinates of a vector of length P, in order. */
  double[] gather(double[] full) {
    if (all()) {
      return full;
    }
    double[] part = new double[size];
    int at = 0;
    for (long[] range : ranges) {
      int length = (int) (range[1] - range[0]);
      System.arraycopy(full, (int) range[0], part, at, length);
      at += length;
    }
    return part;
  }

  /** The P × D matrix whose selected rows are {@code columns[d]} (length m), zero elsewhere. */
  INDArray expand(double[][] columns) {
    int p = (int) parameters;
    double[] flat = new double[p * columns.length];
    for (int d = 0; d < columns.length; d++) {
      scatter(columns[d], flat, d * p);
    }
    return Nd4j.create(flat, new long[] {p, columns.length}, 'f');
  }

  /** The m × D matrix {@code basis} expanded to P × D. */
  INDArray expand(INDArray basis) {
    if (all()) {
      return basis;
    }
    double[][] rows = basis.toDoubleMatrix();
    double[][] columns = new double[basis.columns()][rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int d = 0; d < columns.length; d++) {
        columns[d][i] = rows[i][d];
      }
    }
    return expand(columns);
  }

  /** The operator compressed to the selected coordinates: {@code v ↦ E_Lᵀ A E_L v}. */
  SymmetricOperator restrict(SymmetricOperator operator) {
    if (all()) {
      return operator;
    }
    INDArray full = Nd4j.create(DataType.DOUBLE, parameters);
    INDArray image = Nd4j.create(DataType.DOUBLE, parameters);
    return new SymmetricOperator() {
      @Override
      public long dimension() {
        return size;
      }

      @Override
      public void apply(INDArray v, INDArray out) {
        double[] spread = new double[(int) parameters];
        scatter(v.toDoubleVector(), spread, 0);
        full.assign(Nd4j.createFromArray(spread));
        operator.apply(full, image);
        out.assign(Nd4j.createFromArray(gather(image.toDoubleVector())));
      }
    };
  }

  private void scatter(double[] part, double[] into, int base) {
    int at = 0;
    for (long[] range : ranges) {
      int length = (int) (range[1] - range[0]);
      System.arraycopy(part, at, into, base + (int) range[0], length);
      at += length;
    }
  }

  /** The name with the smallest edit distance to {@code name}. */
  static String closest(String name, List<String> candidates) {
    String best = candidates.isEmpty() ? name : candidates.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
