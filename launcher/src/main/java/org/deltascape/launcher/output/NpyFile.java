package org.deltascape.launcher.output;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deltascape.api.DeltascapeException;

/**
 * NumPy's {@code .npy} format, version 1.0, for what other tools need to check our numbers:
 * little-endian float64 ({@code <f8}) and int32 ({@code <i4}) arrays in C order. Reading checks
 * the header against the file's length before allocating anything.
 */
public final class NpyFile {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern HEADER =
      Pattern.compile(
          "\\{'descr': '([<>|][a-z][0-9]+)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}\\s*");

  /** A float64 array read from a file: its shape and values in C order. */
  public record Doubles(long[] shape, double[] values) {}

  private NpyFile() {}

  /** Writes a float64 array of the given shape. */
  public static void writeDoubles(Path file, long[] shape, double[] values) {
    check(shape, values.length);
    AtomicFiles.write(file, out -> {
      header(out, "<f8", shape);
      ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
      for (double value : values) {
        if (!buffer.hasRemaining()) {
          out.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        buffer.putDouble(value);
      }
      out.write(buffer.array(), 0, buffer.position());
    });
  }

  /** Writes an int32 array of the given shape. */
  public static void writeInts(Path file, long[] shape, int[] values) {
    check(shape, values.length);
    AtomicFiles.write(file, out -> {
      header(out, "<i4", shape);
      ByteBuffer buffer = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
      for (int value : values) {
        if (!buffer.hasRemaining()) {
          out.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        buffer.putInt(value);
      }
      out.write(buffer.array(), 0, buffer.position());
    });
  }

  /**
   * Reads a float64 ({@code <f8}) or float32 ({@code <f4}) array in C order.
   *
   * @throws DeltascapeException naming the file and the fault: not .npy, unsupported type or
   *     order, a header that does not match the file's length
   */
  public static Doubles readDoubles(Path file) {
    long length;
    try {
      length = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new DeltascapeException("no such .npy file", file.toString(), "Check the path");
    } catch (IOException e) {
      throw new DeltascapeException("cannot read the file: " + e.getMessage(), file.toString(), null);
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] magic = new byte[6];
      if (length < 10 || in.read(magic) != 6 || !java.util.Arrays.equals(magic, MAGIC)) {
        throw fault(file, 0, "is not a .npy file (no \\x93NUMPY magic)");
      }
      int major = in.readUnsignedByte();
      in.readUnsignedByte();
      long headerLength;
      long offset;
      if (major == 1) {
        headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        offset = 10;
      } else if (major == 2 || major == 3) {
        headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        offset = 12;
      } else {
        throw fault(file, 6, "has .npy format version " + major + ", which is not supported");
      }
      if (offset + headerLength > length || headerLength > 1 << 16) {
        throw fault(file, offset, "declares a header of " + headerLength + " bytes, longer than the file");
      }
      byte[] headerBytes = in.readNBytes((int) headerLength);
      String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
      Matcher matcher = HEADER.matcher(header);
      if (!matcher.matches()) {
        throw fault(file, offset, "has a header that cannot be read: " + header.strip());
      }
      String descr = matcher.group(1);
      if (!descr.equals("<f8") && !descr.equals("<f4")) {
        throw fault(file, offset, "holds " + descr + " values; expected float64 (<f8) or float32 (<f4)");
      }
      if (matcher.group(2).equals("True")) {
        throw fault(file, offset, "is in Fortran order; save it in C order (numpy.ascontiguousarray)");
      }
      long[] shape;
      try {
        shape = shape(matcher.group(3));
      } catch (NumberFormatException e) {
        throw fault(file, offset, "declares a shape too large to hold: (" + matcher.group(3) + ")");
      }
      long count = 1;
      for (long extent : shape) {
        count = Math.multiplyExact(count, extent);
      }
      int width = descr.equals("<f8") ? 8 : 4;
      long dataOffset = offset + headerLength;
      if (count > Integer.MAX_VALUE - 8 || dataOffset + count * width != length) {
        throw fault(file, dataOffset, "declares " + count + " values of " + width + " bytes, but "
            + (length - dataOffset) + " bytes follow the header");
      }
      double[] values = new double[(int) count];
      byte[] chunk = new byte[width * 8192];
      int done = 0;
      while (done < count) {
        int n = (int) Math.min(8192, count - done);
        in.readFully(chunk, 0, n * width);
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
          values[done + i] = width == 8 ? buffer.getDouble() : buffer.getFloat();
        }
        done += n;
      }
      return new Doubles(shape, values);
    } catch (IOException e) {
      throw new DeltascapeException("cannot read the file: " + e.getMessage(), file.toString(), null);
    } catch (ArithmeticException e) {
      throw fault(file, 0, "declares a shape too large to hold");
    }
  }

  private static long[] shape(String text) {
    List<Long> extents = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        extents.add(Long.parseLong(part.strip()));
      }
    }
    return extents.stream().mapToLong(Long::longValue).toArray();
  }

  private static DeltascapeException fault(Path file, long offset, String what) {
    return new DeltascapeException(
        "the file " + what + " (at byte " + offset + ")", file.toString(),
        "Write it with numpy.save from a float64 array");
  }

  private static void check(long[] shape, int length) {
    long count = 1;
    for (long extent : shape) {
      count *= extent;
    }
    if (count != length) {
      throw new IllegalArgumentException("shape holds " + count + " values, not " + length);
    }
  }

  private static void header(OutputStream out, String descr, long[] shape) throws IOException {
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
    }
    String text = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    int total = MAGIC.length + 4 + text.length() + 1;
    int padding = (64 - total % 64) % 64;
    String header = text + " ".repeat(padding) + "\n";
    out.write(MAGIC);
    out.write(1);
    out.write(0);
    int length = header.length();
    out.write(length & 0xff);
    out.write(length >>> 8);
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
  }
}
