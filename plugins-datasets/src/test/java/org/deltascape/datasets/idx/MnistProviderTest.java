package org.deltascape.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code mnist} on IDX files the test writes ({@link IdxFixture}: 50 train and 20 test images,
 * gzipped); no MNIST copy is reachable here. Downloads are off, the home folder is the temp dir.
 */
class MnistProviderTest extends DatasetProviderContract {
  /** Exact float32 of the normalised pixel; the tolerance of float32 rounding. */
  private static final double PIXEL_TOLERANCE = 1e-6;

  @TempDir static Path temp;

  @BeforeAll
  void writeFiles() {
    IdxFixture.writeStandard(temp.resolve("data"), 50, 20, true);
  }

  @Override
  protected DatasetProvider provider() {
    return new MnistProvider(Map.of(), temp.resolve("home"), List.of());
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset mnist", Map.of("dir", temp.resolve("data").toString(), "download", false));
  }

  @Override
  protected int expectedSize() {
    return 50;
  }

  @Override
  protected int expectedTestSize() {
    return 20;
  }

  @Override
  protected List<Integer> expectedInputShape() {
    return List.of(784);
  }

  @Override
  protected int expectedOutputs() {
    return 10;
  }

  @Override
  protected TargetKind expectedTargetKind() {
    return TargetKind.CLASSIFICATION;
  }

  private LoadedData load(Map<String, ?> extra) {
    Map<String, Object> values = new java.util.HashMap<>(extra);
    values.putIfAbsent("dir", temp.resolve("data").toString());
    values.putIfAbsent("download", false);
    return provider().load(Settings.of("dataset mnist", values), new DatasetContext(7, Progress.silent()));
  }

  @Test
  void pixelsAreNormalisedWithTheMnistMeanAndStd() {
    double[] x = loaded().train().batch(3, 4, DataType.DOUBLE).features().data().asDouble();
    assertThat(x[0]).isCloseTo((3 / 255.0 - 0.1307) / 0.3081, org.assertj.core.data.Offset.offset(PIXEL_TOLERANCE));
    double[] unit = load(Map.of("normalize", "unit")).train().batch(3, 4, DataType.DOUBLE).features().data().asDouble();
    assertThat(unit[783]).isCloseTo(3 / 255.0, org.assertj.core.data.Offset.offset(PIXEL_TOLERANCE));
  }

  @Test
  void splitTestSwapsTheSplitsAndFlattenFalseGivesImages() {
    LoadedData data = load(Map.of("split", "test", "flatten", false, "limit", 5));
    assertThat(data.train().size()).isEqualTo(5);
    assertThat(data.train().inputShape()).containsExactly(1, 28, 28);
    assertThat(data.test().size()).isEqualTo(50);
    assertThat(data.train().name()).isEqualTo("mnist/test");
  }

  @Test
  void shuffledOrderIsASeededPermutationAndLimitTakesItsHead() {
    LoadedData shuffled = load(Map.of("order", "shuffled", "limit", 10, "normalize", "unit"));
    double[] y = shuffled.train().all(DataType.DOUBLE).features().getColumn(0).toDoubleVector();
    java.util.Set<Double> distinct = new java.util.HashSet<>();
    for (double v : y) {
      distinct.add(v);
    }
    assertThat(distinct).hasSize(10);
    assertThat(y).isNotEqualTo(new double[] {0, 1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0,
        5 / 255.0, 6 / 255.0, 7 / 255.0, 8 / 255.0, 9 / 255.0});
    double[] again = load(Map.of("order", "shuffled", "limit", 10, "normalize", "unit"))
        .train().all(DataType.DOUBLE).features().getColumn(0).toDoubleVector();
    assertThat(again).containsExactly(y);
  }

  @Test
  void plainFilesLoadLikeGzippedOnes() {
    IdxFixture.writeStandard(temp.resolve("plain"), 50, 20, false);
    LoadedData plain = load(Map.of("dir", temp.resolve("plain").toString()));
    assertThat(plain.train().sha256()).isEqualTo(loaded().train().sha256());
  }

  @Test
  void missingFilesWithoutDownloadNameTheFoldersSearched() {
    Path empty = temp.resolve("empty");
    assertThatThrownBy(() -> load(Map.of("dir", empty.toString())))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage("dataset mnist: train-images-idx3-ubyte is not in any of [" + empty + ", "
            + temp.resolve("home/.cache/deltascape/mnist") + "]. Put the file (gzipped or not) in"
            + " one of these folders, or set download: true.");
  }

  @Test
  void badNormalizeAndTooLargeLimitAreRefusedWithTheKey() {
    assertThatThrownBy(() -> load(Map.of("normalize", Map.of("mean", 0.5))))
        .hasMessage("code: dataset mnist: normalize = {mean: 0.5}: expected unit or {mean: M, std: S}"
            + " with finite M and finite S > 0. Write normalize: unit or normalize: {mean: 0.5,"
            + " std: 0.25}.");
    assertThatThrownBy(() -> load(Map.of("limit", 51)))
        .hasMessage("code: dataset mnist: limit = 51: is more than the 50 examples of the train"
            + " split. Use a limit of at most 50.");
  }

  @Test
  void environmentFolderIsSearchedPerDatasetId() {
    IdxFixture.writeStandard(temp.resolve("env/mnist"), 50, 20, true);
    LoadedData data = new MnistProvider(Map.of("DELTASCAPE_DATA", temp.resolve("env").toString()),
        temp.resolve("home"), List.of())
        .load(Settings.of("dataset mnist", Map.of("download", false)), new DatasetContext(1, Progress.silent()));
    assertThat(data.notes().get(0)).startsWith("mnist: " + temp.resolve("env/mnist/train-images-idx3-ubyte.gz"));
  }
}
