package org.deltascape.launcher.report;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * The colours of the pictures: one fixed colour per estimator (the Okabe–Ito palette, readable
 * by colour-blind readers and in greyscale print), so that an estimator has the same colour in
 * every picture and every run; and a sequential scale (viridis) for k and for loss surfaces.
 */
public final class Palette {

  private static final Map<String, Color> ESTIMATORS = Map.of(
      "monte-carlo", new Color(0x0072B2),
      "permutation-mean", new Color(0xE69F00),
      "quadratic", new Color(0x009E73),
      "paper-approx", new Color(0xD55E00),
      "monte-carlo-cv", new Color(0x56B4E9),
      "bound", new Color(0x7F7F7F));

  /** For estimators outside the fixed list, chosen by the estimator's position. */
  private static final List<Color> OTHERS =
      List.of(new Color(0xCC79A7), new Color(0x000000), new Color(0x8C564B), new Color(0xBCBD22));

  /** Okabe–Ito without yellow, then black. */
  private static final int[] CATEGORICAL =
      {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000};

  /** Viridis at eleven evenly spaced points, from low to high. */
  private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
      0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};

  private Palette() {}

  /** The colour of an estimator; {@code position} picks one for an id outside the fixed list. */
  public static Color estimator(String id, int position) {
    Color color = ESTIMATORS.get(id);
    return color != null ? color : OTHERS.get(Math.floorMod(position, OTHERS.size()));
  }

  /** The i-th of a list of things that have no fixed colour (runs of a comparison), cycling. */
  public static Color categorical(int i) {
    return new Color(CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)]);
  }

  /** The same colour with the given opacity (0–255), for bands. */
  public static Color translucent(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  /** Viridis at {@code fraction} in [0, 1] (clamped), linearly interpolated. */
  public static Color sequential(double fraction) {
    double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    double position = f * (VIRIDIS.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, VIRIDIS.length - 1);
    double t = position - low;
    Color a = new Color(VIRIDIS[low]);
    Color b = new Color(VIRIDIS[high]);
    return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
        mix(a.getBlue(), b.getBlue(), t));
  }

  /** The i-th of n colours spread along the sequential scale (darkest first; n = 1 gives the middle). */
  public static Color sequential(int i, int n) {
    return sequential(n <= 1 ? 0.5 : 0.85 * i / (n - 1));
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }
}
