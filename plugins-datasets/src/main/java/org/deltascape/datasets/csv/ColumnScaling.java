package org.deltascape.datasets.csv;

/**
 * Per-feature affine scaling fitted on the train split: {@code standard} (subtract the mean,
 * divide by the population standard deviation) or {@code minmax} (map [min, max] to [0, 1]). A
 * constant feature is only shifted (divided by 1), never divided by zero.
 *
 * @param shift subtracted from each feature
 * @param divisor then divides each feature
 */
record ColumnScaling(double[] shift, double[] divisor) {

  /** Fits {@code kind} ({@code standard} or {@code minmax}) on {@code rows × width} values. */
  static ColumnScaling fit(String kind, float[] values, int rows, int width) {
    double[] shift = new double[width];
    double[] divisor = new double[width];
    for (int f = 0; f < width; f++) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        double v = values[i * width + f];
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (kind.equals("minmax")) {
        shift[f] = min;
        divisor[f] = max > min ? max - min : 1;
      } else {
        double mean = sum / rows;
        double squares = 0;
        for (int i = 0; i < rows; i++) {
          double d = values[i * width + f] - mean;
          squares += d * d;
        }
        double std = Math.sqrt(squares / rows);
        shift[f] = mean;
        divisor[f] = std > 0 ? std : 1;
      }
    }
    return new ColumnScaling(shift, divisor);
  }

  /** Scales {@code values} ({@code rows × width}) in place. */
  void apply(float[] values, int width) {
    for (int i = 0; i < values.length; i++) {
      int f = i % width;
      values[i] = (float) ((values[i] - shift[f]) / divisor[f]);
    }
  }
}
