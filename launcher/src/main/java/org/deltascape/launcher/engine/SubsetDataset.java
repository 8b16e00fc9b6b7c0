package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The examples of a dataset at given indices, in that order (the first n of a data order). */
final class SubsetDataset implements Dataset {

  private final Dataset source;
  private final int[] indices;
  private final String sha256;
  private final java.util.Map<DataType, Batch> materialised = new java.util.EnumMap<>(DataType.class);

  SubsetDataset(Dataset source, int[] indices) {
    this.source = source;
    this.indices = indices.clone();
    this.sha256 = Provenance.sha256(source.sha256() + java.util.Arrays.toString(indices));
  }

  @Override
  public String name() {
    return source.name() + "[first " + indices.length + " of an order]";
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public List<Integer> inputShape() {
    return source.inputShape();
  }

  @Override
  public int outputs() {
    return source.outputs();
  }

  @Override
  public TargetKind targetKind() {
    return source.targetKind();
  }

  @Override
  public Batch batch(int from, int to, DataType type) {
    if (from < 0 || to > indices.length || from >= to) {
      throw new IndexOutOfBoundsException("batch [" + from + ", " + to + ") of " + indices.length);
    }
    Batch all = sourceBatch(type);
    int[] rows = java.util.Arrays.copyOfRange(indices, from, to);
    INDArray features = all.features().getRows(rows);
    INDArray targets = all.targets().getRows(rows);
    return new Batch(features, targets);
  }

  /** The source's examples, materialised once per data type rather than once per batch. */
  private synchronized Batch sourceBatch(DataType type) {
    return materialised.computeIfAbsent(type, source::all);
  }

  @Override
  public String sha256() {
    return sha256;
  }
}
