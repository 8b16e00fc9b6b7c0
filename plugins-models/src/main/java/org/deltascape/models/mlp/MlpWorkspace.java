package org.deltascape.models.mlp;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scratch arrays for one batch size n: per layer j the pre-activation z, the activation a = σ(z),
 * σ'(z), the back-propagated δ = ∂L/∂z, and their R-operator counterparts R(z), R(a), R(δ). About
 * {@code 8·n·Σ widths} numbers; allocated once per batch size and reused.
 */
final class MlpWorkspace {
  final int rows;
  final INDArray[] z;
  final INDArray[] a;
  final INDArray[] slope;
  final INDArray[] delta;
  final INDArray[] rz;
  final INDArray[] ra;
  final INDArray[] rdelta;
  final INDArray[] curvature;

  /** Per-example losses in the model's type and in DOUBLE. */
  final INDArray losses;

  final INDArray lossesDouble;

  MlpWorkspace(MlpArchitecture shape, int rows) {
    this.rows = rows;
    int layers = shape.layers();
    DataType type = shape.dataType();
    z = new INDArray[layers];
    a = new INDArray[layers];
    slope = new INDArray[layers];
    delta = new INDArray[layers];
    rz = new INDArray[layers];
    ra = new INDArray[layers];
    rdelta = new INDArray[layers];
    curvature = new INDArray[layers];
    for (int j = 0; j < layers; j++) {
      long width = shape.width(j + 1);
      z[j] = Nd4j.create(type, rows, width);
      delta[j] = Nd4j.create(type, rows, width);
      if (j < layers - 1) {
        a[j] = Nd4j.create(type, rows, width);
        slope[j] = Nd4j.create(type, rows, width);
      }
    }
    losses = Nd4j.create(type, rows);
    lossesDouble = Nd4j.create(DataType.DOUBLE, rows);
  }

  /** Allocates the R-operator arrays on first use (a gradient-only model never needs them). */
  void ensureCurvatureArrays(MlpArchitecture shape) {
    if (rz[0] != null) {
      return;
    }
    DataType type = shape.dataType();
    for (int j = 0; j < shape.layers(); j++) {
      long width = shape.width(j + 1);
      rz[j] = Nd4j.create(type, rows, width);
      rdelta[j] = Nd4j.create(type, rows, width);
      if (j < shape.layers() - 1) {
        ra[j] = Nd4j.create(type, rows, width);
        curvature[j] = Nd4j.create(type, rows, width);
      }
    }
  }
}
