package org.deltascape.estimators.samplers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The unscrambled Sobol sequence (I. M. Sobol, "On the distribution of points in a cube and the
 * approximate evaluation of integrals", USSR Comput. Math. Math. Phys. 7 (1967) 86–112) in up to
 * {@value #MAX_DIMENSION} dimensions, with the direction numbers of S. Joe and F. Y. Kuo,
 * "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30
 * (2008) 2635–2654 ({@code new-joe-kuo-6.21201}, read from the resource file {@value #RESOURCE},
 * which states its provenance).
 *
 * <p>Point s is computed directly, not by walking the sequence: in Gray-code order (Antonov and
 * Saleev 1979) the s-th point of dimension d is the XOR of the direction numbers {@code v_{d,j}}
 * over the set bits j of {@code gray(s) = s ^ (s >>> 1)}. This is the order SciPy's {@code
 * qmc.Sobol} uses, so both give the same points. Points are 32-bit binary fractions; s must be
 * below 2³². Immutable and thread-safe.
 */
final class SobolPoints {

  /** The largest D the resource file covers. */
  static final int MAX_DIMENSION = 256;

  static final String RESOURCE = "new-joe-kuo-6.21201-d256.txt";

  private static final int BITS = 32;

  /** {@code directions[d][j]}: v_{d,j} as the top bits of a 32-bit integer. */
  private static final int[][] DIRECTIONS = load();

  private SobolPoints() {}

  /**
   * Bit pattern of coordinate d (0-based) of point s: the fraction is {@code
   * Integer.toUnsignedLong(x) / 2³²}.
   */
  static int point(long s, int d) {
    long gray = s ^ (s >>> 1);
    int[] v = DIRECTIONS[d];
    int x = 0;
    for (int j = 0; gray != 0; j++, gray >>>= 1) {
      if ((gray & 1) != 0) {
        x ^= v[j];
      }
    }
    return x;
  }

  private static int[][] load() {
    int[][] directions = new int[MAX_DIMENSION][BITS];
    for (int j = 0; j < BITS; j++) {
      directions[0][j] = 1 << (BITS - 1 - j);
    }
    try (InputStream stream = SobolPoints.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII));
      int next = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.startsWith("d ") || line.isBlank()) {
          continue;
        }
        String[] fields = line.trim().split("\\s+");
        int d = Integer.parseInt(fields[0]) - 1;
        if (d != next) {
          throw new IllegalStateException(RESOURCE + ": dimension " + (d + 1) + " out of order");
        }
        int degree = Integer.parseInt(fields[1]);
        int interior = Integer.parseInt(fields[2]);
        long[] m = new long[BITS];
        for (int i = 0; i < degree; i++) {
          m[i] = Long.parseLong(fields[3 + i]);
        }
        // m_i = 2a_1 m_{i−1} ⊕ 2²a_2 m_{i−2} ⊕ … ⊕ 2^s m_{i−s} ⊕ m_{i−s} (Bratley and Fox 1988).
        for (int i = degree; i < BITS; i++) {
          long value = m[i - degree] ^ (m[i - degree] << degree);
          for (int k = 1; k < degree; k++) {
            if (((interior >>> (degree - 1 - k)) & 1) != 0) {
              value ^= m[i - k] << k;
            }
          }
          m[i] = value;
        }
        for (int j = 0; j < BITS; j++) {
          directions[d][j] = (int) (m[j] << (BITS - 1 - j));
        }
        next++;
      }
      if (next != MAX_DIMENSION) {
        throw new IllegalStateException(RESOURCE + " holds " + next + " dimensions");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directions;
  }
}
