package org.deltascape.models;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.RandomKey;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Seeded in-memory data for the tests: Gaussian features with one-hot classes or real targets, and
 * Gaussian class clusters (separable when far apart).
 */
public final class TestData {
  private TestData() {}

  /** n examples of f standard-normal features with uniformly drawn one-hot classes. */
  public static Batch classification(long seed, int n, int features, int classes, DataType type) {
    RandomGenerator generator = new RandomKey(seed, "test/classification", 0).generator();
    double[][] x = new double[n][features];
    double[][] y = new double[n][classes];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < features; f++) {
        x[i][f] = generator.nextGaussian();
      }
      y[i][generator.nextInt(classes)] = 1.0;
    }
    return new Batch(Nd4j.create(x).castTo(type), Nd4j.create(y).castTo(type));
  }

  /** n examples of f standard-normal features with standard-normal real targets. */
  public static Batch regression(long seed, int n, int features, int outputs, DataType type) {
    RandomGenerator generator = new RandomKey(seed, "test/regression", 0).generator();
    double[][] x = new double[n][features];
    double[][] y = new double[n][outputs];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < features; f++) {
        x[i][f] = generator.nextGaussian();
      }
      for (int c = 0; c < outputs; c++) {
        y[i][c] = generator.nextGaussian();
      }
    }
    return new Batch(Nd4j.create(x).castTo(type), Nd4j.create(y).castTo(type));
  }

  /** Classes at ±{@code separation} along the first feature axes, unit Gaussian noise. */
  public static Batch clusters(long seed, int n, int features, int classes, double separation) {
    RandomGenerator generator = new RandomKey(seed, "test/clusters", 0).generator();
    double[][] x = new double[n][features];
    double[][] y = new double[n][classes];
    for (int i = 0; i < n; i++) {
      int label = i % classes;
      y[i][label] = 1.0;
      for (int f = 0; f < features; f++) {
        x[i][f] = generator.nextGaussian() + (f == label % features ? separation : 0.0);
      }
    }
    return new Batch(Nd4j.create(x), Nd4j.create(y));
  }

  /** A dataset holding a DOUBLE batch. */
  public static Dataset dataset(String name, Batch all, TargetKind kind) {
    return new Dataset() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int size() {
        return all.size();
      }

      @Override
      public List<Integer> inputShape() {
        return List.of(all.features().columns());
      }

      @Override
      public int outputs() {
        return all.targets().columns();
      }

      @Override
      public TargetKind targetKind() {
        return kind;
      }

      @Override
      public Batch batch(int from, int to, DataType type) {
        if (from < 0 || from >= to || to > size()) {
          throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + size());
        }
        INDArray features = all.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        INDArray targets = all.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        return new Batch(features.castTo(type).dup(), targets.castTo(type).dup());
      }

      @Override
      public String sha256() {
        return "test";
      }
    };
  }
}
