package org.deltascape.models.cnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scratch arrays of one convolution block for a chunk of {@code rows} examples: the patch matrix
 * and its tangent, the convolution's output, the pooled pre-activation z, σ(z), σ'(z), the deltas
 * ∂L/∂a and their R-operator counterparts (ND4J arrays in the model's type), the pooling's chosen
 * indices, and the Java arrays that the index-driven steps work in. Allocated once per chunk size.
 */
final class ConvArrays {
  final int rows;
  final INDArray columns;
  final INDArray tangentColumns;
  final INDArray columnDeltas;
  final INDArray conv;
  final INDArray convDelta;
  final INDArray convTangentDelta;
  final INDArray z;
  final INDArray a;
  final INDArray slope;
  final INDArray second;
  final INDArray rz;
  final INDArray ra;
  final INDArray delta;
  final INDArray rdelta;
  final int[] sources;
  final double[] hostColumns;
  final double[] hostConv;
  final double[] hostPooled;

  /** The activation σ(z) as a Java array, for the next block's im2col. */
  final double[] hostActivation;

  /** The tangent R(σ(z)) as a Java array, for the next block's im2col. */
  final double[] hostTangent;

  /** ∂L/∂a and R(∂L/∂a) as Java arrays, as the next block's col2im leaves them. */
  final double[] hostDelta;

  final double[] hostTangentDelta;

  ConvArrays(ConvGeometry block, int rows, DataType type) {
    this.rows = rows;
    long positions = (long) rows * block.positions();
    columns = Nd4j.create(type, positions, block.patchSize());
    tangentColumns = Nd4j.create(type, positions, block.patchSize());
    columnDeltas = Nd4j.create(type, positions, block.patchSize());
    conv = Nd4j.create(type, positions, block.outChannels());
    convDelta = Nd4j.create(type, positions, block.outChannels());
    convTangentDelta = Nd4j.create(type, positions, block.outChannels());
    int pooled = block.pooledSize();
    z = Nd4j.create(type, rows, pooled);
    a = Nd4j.create(type, rows, pooled);
    slope = Nd4j.create(type, rows, pooled);
    second = Nd4j.create(type, rows, pooled);
    rz = Nd4j.create(type, rows, pooled);
    ra = Nd4j.create(type, rows, pooled);
    delta = Nd4j.create(type, rows, pooled);
    rdelta = Nd4j.create(type, rows, pooled);
    sources = new int[rows * pooled];
    hostColumns = new double[Math.toIntExact(positions * block.patchSize())];
    hostConv = new double[Math.toIntExact(positions * block.outChannels())];
    hostPooled = new double[rows * pooled];
    hostActivation = new double[rows * pooled];
    hostTangent = new double[rows * pooled];
    hostDelta = new double[rows * pooled];
    hostTangentDelta = new double[rows * pooled];
  }
}
