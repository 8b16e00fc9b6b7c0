package org.deltascape.datasets.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * IDX files that the tests write themselves (no MNIST copy is reachable here): image i has every
 * pixel equal to {@code (seed + i) mod 256} and label {@code (seed + i) mod 10}, so a reader's
 * output can be checked exactly.
 */
final class IdxFixture {
  private IdxFixture() {}

  /** The bytes of an images file of {@code count} images of {@code rows × columns}. */
  static byte[] images(int count, int rows, int columns, int seed) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * columns);
    buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rows * columns; p++) {
        buffer.put((byte) ((seed + i) % 256));
      }
    }
    return buffer.array();
  }

  /** The bytes of a labels file of {@code count} labels. */
  static byte[] labels(int count, int seed) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + count);
    buffer.putInt(0x00000801).putInt(count);
    for (int i = 0; i < count; i++) {
      buffer.put((byte) ((seed + i) % 10));
    }
    return buffer.array();
  }

  /** {@code bytes} gzipped. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes {@code bytes} to {@code dir/name} and returns the file. */
  static Path write(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the four standard files into {@code dir}: train of {@code trainCount} images (seed 0),
   * test of {@code testCount} (seed 100), 28×28, gzipped when asked.
   */
  static void writeStandard(Path dir, int trainCount, int testCount, boolean gzipped) {
    String suffix = gzipped ? ".gz" : "";
    byte[][] files = {
      images(trainCount, 28, 28, 0), labels(trainCount, 0),
      images(testCount, 28, 28, 100), labels(testCount, 100)
    };
    for (int i = 0; i < 4; i++) {
      write(dir, IdxSpec.STANDARD_FILES.get(i) + suffix, gzipped ? gzip(files[i]) : files[i]);
    }
  }
}
