package org.deltascape.datasets;

import java.util.List;
import java.util.Objects;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Dataset} held in memory as compact arrays ({@link FeatureMatrix}, {@link
 * TargetMatrix}); every batch is a freshly allocated pair of ND4J arrays of the requested type.
 * Immutable and thread-safe.
 */
public final class ArrayDataset implements Dataset {
  private final String name;
  private final List<Integer> inputShape;
  private final FeatureMatrix features;
  private final TargetMatrix targets;
  private final String sha256;

  /**
   * @param name for messages ({@code "mnist/train"})
   * @param inputShape shape of one example; its product must be the features' width
   * @param features the inputs, one row per example (at least one)
   * @param targets the targets, as many rows as {@code features}
   * @param sha256 the fingerprint {@link #sha256()} returns (64 lower-case hex digits)
   */
  public ArrayDataset(
      String name,
      List<Integer> inputShape,
      FeatureMatrix features,
      TargetMatrix targets,
      String sha256) {
    this.name = Objects.requireNonNull(name, "name");
    this.inputShape = List.copyOf(inputShape);
    this.features = Objects.requireNonNull(features, "features");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    int width = this.inputShape.stream().reduce(1, Math::multiplyExact);
    if (width != features.width()) {
      throw new IllegalArgumentException(
          "input shape " + inputShape + " has " + width + " values, rows have " + features.width());
    }
    if (features.rows() != targets.rows() || features.rows() < 1) {
      throw new IllegalArgumentException(
          features.rows() + " feature rows and " + targets.rows() + " target rows");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return features.rows();
  }

  @Override
  public List<Integer> inputShape() {
    return List.copyOf(inputShape);
  }

  @Override
  public int featureCount() {
    return features.width();
  }

  @Override
  public int outputs() {
    return targets.outputs();
  }

  @Override
  public TargetKind targetKind() {
    return targets.kind();
  }

  /** The features, for providers that derive a dataset from this one. */
  public FeatureMatrix features() {
    return features;
  }

  /** The targets, for providers that derive a dataset from this one. */
  public TargetMatrix targets() {
    return targets;
  }

  @Override
  public Batch batch(int from, int to, DataType type) {
    if (from < 0 || from >= to || to > size()) {
      throw new IndexOutOfBoundsException(
          name + ": batch [" + from + ", " + to + ") is outside [0, " + size() + ")");
    }
    int n = to - from;
    long[] featureShape = {n, features.width()};
    long[] targetShape = {n, targets.outputs()};
    if (type == DataType.FLOAT) {
      float[] x = new float[n * features.width()];
      float[] y = new float[n * targets.outputs()];
      features.copyRows(from, to, x);
      targets.copyRows(from, to, y);
      return new Batch(
          Nd4j.create(x, featureShape, DataType.FLOAT), Nd4j.create(y, targetShape, DataType.FLOAT));
    }
    if (type == DataType.DOUBLE) {
      double[] x = new double[n * features.width()];
      double[] y = new double[n * targets.outputs()];
      features.copyRows(from, to, x);
      targets.copyRows(from, to, y);
      return new Batch(
          Nd4j.create(x, featureShape, DataType.DOUBLE),
          Nd4j.create(y, targetShape, DataType.DOUBLE));
    }
    throw new IllegalArgumentException(name + ": batches are FLOAT or DOUBLE, not " + type);
  }

  @Override
  public String sha256() {
    return sha256;
  }

  /** The examples at {@code order[0]}, {@code order[1]}, …, under a new name. */
  public ArrayDataset select(String newName, int[] order) {
    return new ArrayDataset(
        newName, inputShape, features.select(order), targets.select(order), sha256);
  }

  /** This dataset with another input shape of the same feature count. */
  public ArrayDataset reshaped(List<Integer> newShape) {
    return new ArrayDataset(name, newShape, features, targets, sha256);
  }

  @Override
  public String toString() {
    return name + " (" + size() + " × " + inputShape + ", " + targetKind() + ")";
  }
}
