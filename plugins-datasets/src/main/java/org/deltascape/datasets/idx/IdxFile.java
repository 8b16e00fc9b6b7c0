package org.deltascape.datasets.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.deltascape.datasets.Fingerprint;

/**
 * One IDX file of unsigned bytes (magic {@code 0x0000080N}, N dimensions, big-endian sizes),
 * read whole into memory, gzipped or not (recognised by its first two bytes, not its name).
 *
 * <p>Nothing larger than the file's actual content is allocated: a plain file's declared size is
 * checked against its length before reading; a gzip stream is read into a buffer that grows with
 * the bytes actually decompressed. Every fault is a {@link org.deltascape.api.DeltascapeException}
 * from {@link IdxFault}.
 *
 * @param path where it was read from
 * @param bytes the decompressed file, header included (the data starts at {@code headerLength})
 * @param headerLength {@code 4 + 4 · dims.length}
 * @param dims the declared sizes
 * @param sha256 SHA-256 of the decompressed bytes
 */
public record IdxFile(Path path, byte[] bytes, int headerLength, int[] dims, String sha256) {
  /** The most bytes a file may have: the largest Java array. */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private static final int CHUNK = 1 << 20;
  /** Deflate expands at most about 1032:1, which bounds a believable gzip size hint. */
  private static final long MAX_DEFLATE_RATIO = 1032;

  /** The number of items (images, labels): the first dimension. */
  public int count() {
    return dims[0];
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param dimensions 3 for images, 1 for labels
   * @param what the items, for messages ({@code "images"})
   */
  public static IdxFile read(Path file, int dimensions, String what) {
    long fileSize;
    try {
      fileSize = Files.size(file);
    } catch (IOException e) {
      throw IdxFault.of(file, IdxFault.UNREADABLE, 0L, IdxFault.reason(e));
    }
    if (fileSize == 0) {
      throw IdxFault.of(file, IdxFault.EMPTY, "the file has 0 bytes");
    }
    Reading reading = new Reading(file, dimensions, what, fileSize);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      reading.gzip = gzip;
      try (InputStream in = gzip ? new GZIPInputStream(raw, CHUNK) : raw) {
        return reading.from(in);
      }
    } catch (ZipException | EOFException e) {
      if (!reading.gzip) {
        throw IdxFault.of(file, IdxFault.UNREADABLE, reading.position, IdxFault.reason(e));
      }
      throw IdxFault.of(file, IdxFault.CORRUPT_GZIP, reading.position, IdxFault.reason(e));
    } catch (IOException e) {
      throw IdxFault.of(file, IdxFault.UNREADABLE, reading.position, IdxFault.reason(e));
    }
  }

  /** The state of one read, so that a fault can say how far it got. */
  private static final class Reading {
    final Path file;
    final int dimensions;
    final String what;
    final long fileSize;
    final MessageDigest digest = Fingerprint.sha256Digest();
    boolean gzip;
    long position;

    Reading(Path file, int dimensions, String what, long fileSize) {
      this.file = file;
      this.dimensions = dimensions;
      this.what = what;
      this.fileSize = fileSize;
    }

    IdxFile from(InputStream in) throws IOException {
      int headerLength = 4 + 4 * dimensions;
      byte[] header = new byte[headerLength];
      int got = readFully(in, header, 0, 4);
      if (got == 0 && gzip) {
        throw IdxFault.of(file, IdxFault.EMPTY, "the gzip stream decompresses to 0 bytes");
      }
      int expectedMagic = 0x00000800 | dimensions;
      if (got < 4) {
        throw IdxFault.of(file, IdxFault.TRUNCATED_HEADER, (long) got, headerLength);
      }
      int magic = readInt(header, 0);
      if (magic != expectedMagic) {
        String kind = dimensions == 1 ? "labels (unsigned bytes, 1 dimension)"
            : "images (unsigned bytes, " + dimensions + " dimensions)";
        throw IdxFault.of(file, IdxFault.WRONG_MAGIC, magic, kind, expectedMagic);
      }
      got += readFully(in, header, 4, headerLength - 4);
      if (got < headerLength) {
        throw IdxFault.of(file, IdxFault.TRUNCATED_HEADER, (long) got, headerLength);
      }
      long[] sizes = new long[dimensions];
      BigInteger declared = BigInteger.ONE;
      for (int d = 0; d < dimensions; d++) {
        sizes[d] = Integer.toUnsignedLong(readInt(header, 4 + 4 * d));
        declared = declared.multiply(BigInteger.valueOf(sizes[d]));
      }
      String items = describe(sizes);
      if (declared.compareTo(BigInteger.valueOf(MAX_BYTES - headerLength)) > 0) {
        throw IdxFault.of(file, IdxFault.HUGE_COUNT, items, declared, MAX_BYTES - headerLength);
      }
      long total = headerLength + declared.longValueExact();
      if (sizes[0] == 0) {
        throw IdxFault.of(file, IdxFault.NO_ITEMS);
      }
      if (!gzip && total > fileSize) {
        throw IdxFault.of(file, IdxFault.TRUNCATED_DATA, fileSize, items, total);
      }
      if (!gzip && total < fileSize) {
        throw IdxFault.of(file, IdxFault.TRAILING_DATA, total, items);
      }
      byte[] bytes = new byte[(int) Math.min(total, gzip ? initialCapacity() : total)];
      System.arraycopy(header, 0, bytes, 0, headerLength);
      digest.update(header);
      int filled = headerLength;
      while (filled < total) {
        if (filled == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(total, 2L * bytes.length));
        }
        int n = in.read(bytes, filled, Math.min(bytes.length - filled, CHUNK));
        if (n < 0) {
          throw IdxFault.of(file, IdxFault.TRUNCATED_DATA, (long) filled, items, total);
        }
        digest.update(bytes, filled, n);
        filled += n;
        position = filled;
      }
      if (in.read() >= 0) {
        throw IdxFault.of(file, IdxFault.TRAILING_DATA, total, items);
      }
      int[] dims = new int[dimensions];
      for (int d = 0; d < dimensions; d++) {
        dims[d] = (int) sizes[d];
      }
      return new IdxFile(file, bytes, headerLength, dims, Fingerprint.hex(digest));
    }

    private int readFully(InputStream in, byte[] into, int offset, int length) throws IOException {
      int got = 0;
      while (got < length) {
        int n = in.read(into, offset + got, length - got);
        if (n < 0) {
          break;
        }
        got += n;
        position += n;
      }
      return got;
    }

    /** The gzip trailer's size (mod 2^32) when believable, else 1 MiB: only a first guess. */
    private long initialCapacity() {
      try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "r")) {
        if (fileSize >= 18) {
          access.seek(fileSize - 4);
          byte[] tail = new byte[4];
          access.readFully(tail);
          long hint = (tail[0] & 0xffL) | (tail[1] & 0xffL) << 8 | (tail[2] & 0xffL) << 16
              | (tail[3] & 0xffL) << 24;
          if (hint > 0 && hint <= fileSize * MAX_DEFLATE_RATIO) {
            return hint;
          }
        }
      } catch (IOException e) {
        // Only a hint: fall back to growing from a small buffer.
      }
      return CHUNK;
    }

    private String describe(long[] sizes) {
      StringBuilder text = new StringBuilder().append(sizes[0]).append(' ').append(what);
      if (sizes.length > 1) {
        text.append(" of ");
        for (int d = 1; d < sizes.length; d++) {
          text.append(d > 1 ? "×" : "").append(sizes[d]);
        }
      }
      return text.toString();
    }
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
        | (bytes[at + 3] & 0xff);
  }
}
