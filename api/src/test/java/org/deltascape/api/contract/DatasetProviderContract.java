package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deltascape.api.Batch;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The checks every {@link DatasetProvider} must pass. A provider's test extends this class and
 * supplies only the provider, the settings to load it with and what the load must give; the data
 * are loaded once per test class.
 *
 * <p>Tolerance: FLOAT and DOUBLE batches agree to {@link #FLOAT_TOLERANCE} relative (float32
 * rounding of the same value).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatasetProviderContract {
  /** Relative agreement of float32 and float64 batches of the same examples. */
  public static final double FLOAT_TOLERANCE = 1e-6;

  private LoadedData loaded;

  /** The provider under test. */
  protected abstract DatasetProvider provider();

  /** The settings to load it with. */
  protected abstract Settings settings();

  /** N of the train split. */
  protected abstract int expectedSize();

  /** N of the test split, or 0 when the load gives none. */
  protected abstract int expectedTestSize();

  /** The shape of one example's input. */
  protected abstract List<Integer> expectedInputShape();

  /** Classes or regression targets per example. */
  protected abstract int expectedOutputs();

  /** Classification or regression. */
  protected abstract TargetKind expectedTargetKind();

  /** The context to load with: by default seed 7 and silent progress. */
  protected DatasetContext context() {
    return new DatasetContext(7, Progress.silent());
  }

  /** The data, loaded once. */
  protected final LoadedData loaded() {
    if (loaded == null) {
      loaded = provider().load(settings(), context());
    }
    return loaded;
  }

  @Test
  void idIsLowerKebab() {
    assertThat(provider().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  }

  @Test
  void descriptionIsOneNonBlankLine() {
    assertThat(provider().description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void configKeysAreDescribedAndDistinct() {
    Set<String> names = new HashSet<>();
    for (ConfigKey key : provider().configKeys()) {
      assertThat(key.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      assertThat(key.description()).as(key.name()).isNotBlank();
      assertThat(names.add(key.name())).as("duplicate key " + key.name()).isTrue();
      if (!key.choices().isEmpty() && key.defaultValue() != null) {
        assertThat(key.choices()).contains((String) key.defaultValue());
      }
    }
  }

  @Test
  void loadGivesConsistentSizes() {
    Dataset train = loaded().train();
    assertThat(train.size()).isEqualTo(expectedSize());
    assertThat(train.inputShape()).isEqualTo(expectedInputShape());
    assertThat(train.outputs()).isEqualTo(expectedOutputs());
    assertThat(train.targetKind()).isEqualTo(expectedTargetKind());
    checkShapes(train);
    Dataset test = loaded().test();
    if (expectedTestSize() == 0) {
      assertThat(test).isNull();
    } else {
      assertThat(test).isNotNull();
      assertThat(test.size()).isEqualTo(expectedTestSize());
      assertThat(test.inputShape()).isEqualTo(expectedInputShape());
      assertThat(test.outputs()).isEqualTo(expectedOutputs());
      assertThat(test.targetKind()).isEqualTo(expectedTargetKind());
      checkShapes(test);
    }
    assertThat(loaded().notes()).isNotNull();
  }

  @Test
  void batchEqualsTheSliceOfAll() {
    Dataset train = loaded().train();
    int n = train.size();
    Batch all = train.all(DataType.FLOAT);
    for (int[] range : new int[][] {{0, 1}, {0, n}, {n / 3, Math.max(n / 3 + 1, n / 2)}, {n - 1, n}}) {
      Batch batch = train.batch(range[0], range[1], DataType.FLOAT);
      assertThat(batch.size()).isEqualTo(range[1] - range[0]);
      assertThat(batch.features().dup().data().asFloat())
          .as("features [%d, %d)", range[0], range[1])
          .isEqualTo(rows(all.features(), range).data().asFloat());
      assertThat(batch.targets().dup().data().asFloat())
          .as("targets [%d, %d)", range[0], range[1])
          .isEqualTo(rows(all.targets(), range).data().asFloat());
    }
  }

  @Test
  void floatAndDoubleBatchesAgree() {
    Dataset train = loaded().train();
    Batch single = train.all(DataType.FLOAT);
    Batch dual = train.all(DataType.DOUBLE);
    assertThat(single.features().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(single.targets().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(dual.features().dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(dual.targets().dataType()).isEqualTo(DataType.DOUBLE);
    assertAgree(single.features(), dual.features());
    assertAgree(single.targets(), dual.targets());
  }

  @Test
  void classTargetsAreOneHot() {
    for (Dataset data : new Dataset[] {loaded().train(), loaded().test()}) {
      if (data == null || data.targetKind() != TargetKind.CLASSIFICATION) {
        continue;
      }
      double[] targets = data.all(DataType.DOUBLE).targets().data().asDouble();
      int classes = data.outputs();
      for (int i = 0; i < data.size(); i++) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          double t = targets[i * classes + c];
          assertThat(t == 0.0 || t == 1.0).as("row %d, class %d: %s", i, c, t).isTrue();
          sum += t;
        }
        assertThat(sum).as("row %d", i).isEqualTo(1.0);
      }
    }
  }

  @Test
  void sha256IsHexAndStableAcrossLoads() {
    String first = loaded().train().sha256();
    assertThat(first).matches("[0-9a-f]{64}");
    LoadedData again = provider().load(settings(), context());
    assertThat(again.train().sha256()).isEqualTo(first);
    if (loaded().test() != null) {
      assertThat(loaded().test().sha256()).matches("[0-9a-f]{64}");
      assertThat(again.test().sha256()).isEqualTo(loaded().test().sha256());
    }
  }

  @Test
  void outOfRangeBatchesThrow() {
    Dataset train = loaded().train();
    int n = train.size();
    for (int[] range : new int[][] {{-1, 1}, {0, n + 1}, {n, n + 1}, {1, 1}, {2, 1}}) {
      assertThatThrownBy(() -> train.batch(range[0], range[1], DataType.FLOAT))
          .as("[%d, %d)", range[0], range[1])
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  private void checkShapes(Dataset data) {
    int features = expectedInputShape().stream().reduce(1, Math::multiplyExact);
    assertThat(data.featureCount()).isEqualTo(features);
    Batch batch = data.batch(0, Math.min(data.size(), 5), DataType.FLOAT);
    assertThat(batch.features().shape()).containsExactly(Math.min(data.size(), 5), features);
    assertThat(batch.targets().shape()).containsExactly(Math.min(data.size(), 5), data.outputs());
  }

  private static void assertAgree(INDArray single, INDArray dual) {
    assertThat(single.shape()).isEqualTo(dual.shape());
    float[] a = single.data().asFloat();
    double[] b = dual.data().asDouble();
    int worst = 0;
    double worstError = 0;
    for (int i = 0; i < b.length; i++) {
      double error = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i]));
      if (error > worstError) {
        worst = i;
        worstError = error;
      }
    }
    assertThat((double) a[worst]).as("element %d", worst)
        .isCloseTo(b[worst], within(FLOAT_TOLERANCE * Math.max(1, Math.abs(b[worst]))));
  }

  private static INDArray rows(INDArray all, int[] range) {
    return all.get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all()).dup();
  }
}
