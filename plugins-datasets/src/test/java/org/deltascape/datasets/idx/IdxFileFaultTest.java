package org.deltascape.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault of an IDX file, each on a file the test writes ({@link IdxFixture}), with its whole
 * message pinned.
 */
class IdxFileFaultTest {
  private static final String FIX =
      ". Delete the file so that it is downloaded again, or replace it with an intact copy.";

  @TempDir Path temp;

  private String faultOf(String name, byte[] bytes, int dimensions) {
    Path file = IdxFixture.write(temp, name, bytes);
    DeltascapeException error = org.junit.jupiter.api.Assertions.assertThrows(
        DeltascapeException.class, () -> IdxFile.read(file, dimensions, dimensions == 1 ? "labels" : "images"));
    assertThat(error.where()).isEqualTo(file.toString());
    return error.getMessage().substring(file.toString().length() + 2);
  }

  @Test
  void readsAValidFileExactly() {
    Path file = IdxFixture.write(temp, "ok.gz", IdxFixture.gzip(IdxFixture.images(3, 2, 2, 5)));
    IdxFile read = IdxFile.read(file, 3, "images");
    assertThat(read.dims()).containsExactly(3, 2, 2);
    assertThat(read.bytes()).hasSize(16 + 12);
    assertThat(read.bytes()[16 + 11]).isEqualTo((byte) 7);
    assertThat(read.sha256()).isEqualTo(org.deltascape.datasets.Fingerprint.of(IdxFixture.images(3, 2, 2, 5)));
  }

  @Test
  void emptyFile() {
    assertThat(faultOf("empty", new byte[0], 3))
        .isEqualTo("empty file: no data at byte offset 0 (the file has 0 bytes)" + FIX);
    assertThat(faultOf("empty.gz", IdxFixture.gzip(new byte[0]), 3))
        .isEqualTo("empty file: no data at byte offset 0 (the gzip stream decompresses to 0 bytes)" + FIX);
  }

  @Test
  void wrongMagic() {
    assertThat(faultOf("labels-as-images", IdxFixture.labels(4, 0), 3))
        .isEqualTo("wrong magic number 0x00000801 at byte offset 0; an IDX file of images"
            + " (unsigned bytes, 3 dimensions) starts with 0x00000803" + FIX);
    assertThat(faultOf("text", "hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1))
        .isEqualTo("wrong magic number 0x68656C6C at byte offset 0; an IDX file of labels"
            + " (unsigned bytes, 1 dimension) starts with 0x00000801" + FIX);
  }

  @Test
  void truncatedHeader() {
    byte[] images = IdxFixture.images(2, 28, 28, 0);
    assertThat(faultOf("short", Arrays.copyOf(images, 10), 3))
        .isEqualTo("truncated header: the data ends at byte offset 10 but the header ends at byte"
            + " offset 16" + FIX);
  }

  @Test
  void truncatedData() {
    byte[] images = IdxFixture.images(2, 28, 28, 0);
    assertThat(faultOf("cut", Arrays.copyOf(images, 1000), 3))
        .isEqualTo("truncated data: the data ends at byte offset 1000 but the header declares 2"
            + " images of 28×28, which end at byte offset 1584" + FIX);
    assertThat(faultOf("cut.gz", IdxFixture.gzip(Arrays.copyOf(images, 1000)), 3))
        .isEqualTo("truncated data: the data ends at byte offset 1000 but the header declares 2"
            + " images of 28×28, which end at byte offset 1584" + FIX);
  }

  @Test
  void trailingData() {
    byte[] labels = Arrays.copyOf(IdxFixture.labels(5, 0), 15);
    assertThat(faultOf("long", labels, 1))
        .isEqualTo("unexpected data at byte offset 13, after the 5 labels the header declares" + FIX);
  }

  @Test
  void hugeDeclaredCountIsRefusedBeforeAllocating() {
    byte[] header = ByteBuffer.allocate(16).putInt(0x803).putInt(-1).putInt(28).putInt(28).array();
    assertThat(faultOf("huge", header, 3))
        .isEqualTo("the header at byte offset 4 declares 4294967295 images of 28×28"
            + " (3367254359280 bytes), more than the 2147483623 bytes an IDX file may hold" + FIX);
    byte[] gzipped = IdxFixture.gzip(
        ByteBuffer.allocate(16).putInt(0x803).putInt(2_000_000).putInt(28).putInt(28).array());
    assertThat(faultOf("overclaim.gz", gzipped, 3))
        .isEqualTo("truncated data: the data ends at byte offset 16 but the header declares"
            + " 2000000 images of 28×28, which end at byte offset 1568000016" + FIX);
  }

  @Test
  void corruptGzip() {
    byte[] gzipped = IdxFixture.gzip(IdxFixture.images(50, 28, 28, 0));
    byte[] damaged = gzipped.clone();
    for (int i = 20; i < 40; i++) {
      damaged[i] = (byte) 0xff;
    }
    String message = faultOf("damaged.gz", damaged, 3);
    assertThat(message).startsWith("corrupt gzip stream at decompressed byte offset ");
    assertThat(faultOf("cut-stream.gz", Arrays.copyOf(gzipped, gzipped.length / 2), 3))
        .isEqualTo("corrupt gzip stream at decompressed byte offset 12560: Unexpected end of ZLIB"
            + " input stream" + FIX);
  }

  @Test
  void noItems() {
    assertThat(faultOf("none", IdxFixture.labels(0, 0), 1))
        .isEqualTo("the header at byte offset 4 declares 0 items" + FIX);
  }

  private DeltascapeException loadFailure(Path dir) {
    IdxFilesProvider provider = new IdxFilesProvider(Map.of(), temp.resolve("home"), List.of());
    return org.junit.jupiter.api.Assertions.assertThrows(DeltascapeException.class,
        () -> provider.load(Settings.of("dataset idx", Map.of("dir", dir.toString(),
            "download", false, "files", IdxSpec.STANDARD_FILES)), new DatasetContext(1, Progress.silent())));
  }

  @Test
  void labelCountDifferentFromImageCount() {
    Path dir = temp.resolve("counts");
    IdxFixture.writeStandard(dir, 6, 4, false);
    IdxFixture.write(dir, "train-labels-idx1-ubyte", IdxFixture.labels(7, 0));
    assertThat(loadFailure(dir).getMessage()).isEqualTo(dir.resolve("train-labels-idx1-ubyte")
        + ": the header at byte offset 4 declares 7 labels but " + dir.resolve("train-images-idx3-ubyte")
        + " declares 6 images" + FIX);
  }

  @Test
  void wrongImageSize() {
    Path dir = temp.resolve("sizes");
    IdxFixture.writeStandard(dir, 6, 4, false);
    IdxFixture.write(dir, "t10k-images-idx3-ubyte", IdxFixture.images(4, 20, 20, 0));
    assertThat(loadFailure(dir).getMessage()).isEqualTo(dir.resolve("t10k-images-idx3-ubyte")
        + ": wrong image size: the header at byte offset 8 declares 20×20 images but the images of "
        + dir.resolve("train-images-idx3-ubyte") + " are 28×28" + FIX);
    MnistProvider mnist = new MnistProvider(Map.of(), temp.resolve("home"), List.of());
    IdxFixture.write(dir, "train-images-idx3-ubyte", IdxFixture.images(6, 20, 20, 0));
    assertThatThrownBy(() -> mnist.load(Settings.of("dataset mnist", Map.of("dir", dir.toString(),
        "download", false)), new DatasetContext(1, Progress.silent())))
        .hasMessage(dir.resolve("train-images-idx3-ubyte") + ": wrong image size: the header at"
            + " byte offset 8 declares 20×20 images but mnist images are 28×28" + FIX);
  }

  @Test
  void labelOutsideTheClasses() {
    Path dir = temp.resolve("labels");
    IdxFixture.writeStandard(dir, 6, 4, false);
    byte[] labels = IdxFixture.labels(6, 0);
    labels[8 + 4] = 12;
    IdxFixture.write(dir, "train-labels-idx1-ubyte", labels);
    MnistProvider mnist = new MnistProvider(Map.of(), temp.resolve("home"), List.of());
    assertThatThrownBy(() -> mnist.load(Settings.of("dataset mnist", Map.of("dir", dir.toString(),
        "download", false)), new DatasetContext(1, Progress.silent())))
        .hasMessage(dir.resolve("train-labels-idx1-ubyte") + ": label 12 at byte offset 12 is"
            + " outside 0..9" + FIX);
  }

  @Test
  void checksumMismatchOfALocalFile() {
    Path dir = temp.resolve("sums");
    IdxFixture.writeStandard(dir, 6, 4, true);
    FashionMnistProvider fashion = new FashionMnistProvider(Map.of(), temp.resolve("home"), List.of());
    String actual = org.deltascape.datasets.Fingerprint.of(IdxFixture.images(6, 28, 28, 0));
    assertThatThrownBy(() -> fashion.load(Settings.of("dataset fashion-mnist", Map.of("dir",
        dir.toString(), "download", false)), new DatasetContext(1, Progress.silent())))
        .hasMessage(dir.resolve("train-images-idx3-ubyte.gz") + ": decompressed SHA-256 " + actual
            + " (of 4720 bytes) does not match the expected"
            + " c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888" + FIX);
  }
}
