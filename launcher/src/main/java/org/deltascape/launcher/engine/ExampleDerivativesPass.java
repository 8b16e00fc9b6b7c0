package org.deltascape.launcher.engine;

import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Per-example value, D-gradient and D×D Hessian at w* for every example, chunk by chunk. */
final class ExampleDerivativesPass {

  private ExampleDerivativesPass() {}

  static ExampleDerivatives run(SubspaceModel subspace, DataChunks chunks, int d) {
    int n = chunks.size();
    INDArray values = Nd4j.zeros(DataType.DOUBLE, n);
    INDArray gradients = Nd4j.zeros(DataType.DOUBLE, n, d);
    INDArray hessians = Nd4j.zeros(DataType.DOUBLE, n, d, d);
    for (DataChunks.Chunk chunk : chunks) {
      int size = chunk.batch().size();
      INDArray v = Nd4j.zeros(DataType.DOUBLE, size);
      INDArray g = Nd4j.zeros(DataType.DOUBLE, size, d);
      INDArray h = Nd4j.zeros(DataType.DOUBLE, size, d, d);
      subspace.derivatives(chunk.batch(), v, g, h);
      var rows = NDArrayIndex.interval(chunk.from(), chunk.from() + size);
      values.get(rows).assign(v);
      gradients.get(rows, NDArrayIndex.all()).assign(g);
      hessians.get(rows, NDArrayIndex.all(), NDArrayIndex.all()).assign(h);
    }
    return new ExampleDerivatives(values, gradients, hessians);
  }
}
