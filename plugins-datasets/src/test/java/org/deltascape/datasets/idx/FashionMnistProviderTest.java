package org.deltascape.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.deltascape.api.contract.DatasetProviderContract;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fashion-mnist} on the real data: Debian's {@code dataset-fashion-mnist} in {@code
 * /usr/share/datasets/fashion-mnist} (CI installs it; this test fails, never skips, without it).
 * Reference checksums: shared/data/SOURCES.md. The first 2,000 training images, downloads off.
 */
class FashionMnistProviderTest extends DatasetProviderContract {
  @TempDir static Path home;

  @BeforeAll
  void requireDebianPackage() {
    Assertions.assertTrue(Files.isDirectory(FashionMnistProvider.DEBIAN_DIR),
        "Fashion-MNIST is missing: install it with `apt-get install -y dataset-fashion-mnist`"
            + " (expected in " + FashionMnistProvider.DEBIAN_DIR + ")");
  }

  @Override
  protected DatasetProvider provider() {
    return new FashionMnistProvider(Map.of(), home, List.of(FashionMnistProvider.DEBIAN_DIR));
  }

  @Override
  protected Settings settings() {
    return Settings.of("dataset fashion-mnist", Map.of("limit", 2000, "download", false));
  }

  @Override
  protected int expectedSize() {
    return 2000;
  }

  @Override
  protected int expectedTestSize() {
    return 10_000;
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

  @Test
  void everyFileMatchesTheDecompressedSha256OfSources() {
    List<String> sources = List.of(
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
    List<Integer> bytes = List.of(47_040_016, 60_008, 7_840_016, 10_008);
    for (int i = 0; i < 4; i++) {
      Path file = FashionMnistProvider.DEBIAN_DIR.resolve(IdxSpec.STANDARD_FILES.get(i) + ".gz");
      IdxFile read = IdxFile.read(file, i % 2 == 0 ? 3 : 1, "items");
      assertThat(read.sha256()).as(file.toString()).isEqualTo(sources.get(i));
      assertThat(read.bytes()).as(file.toString()).hasSize(bytes.get(i));
    }
    assertThat(FashionMnistProvider.SHA256).isEqualTo(sources);
    assertThat(loaded().notes()).allMatch(note -> !note.contains("SHA-256") || note.endsWith("(verified)"));
  }

  @Test
  void pixelsUseTheFashionMnistMeanAndStd() {
    float[] x = loaded().train().batch(0, 1, org.nd4j.linalg.api.buffer.DataType.FLOAT).features().data().asFloat();
    float min = Float.MAX_VALUE;
    for (float v : x) {
      min = Math.min(min, v);
    }
    assertThat((double) min).isCloseTo(-0.2860 / 0.3530, org.assertj.core.data.Offset.offset(1e-6));
  }
}
