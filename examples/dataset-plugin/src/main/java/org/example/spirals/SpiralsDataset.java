package org.example.spirals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.Batch;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code spirals}: two interleaved noisy spirals in the plane, a classic hard case for small
 * networks. Example i of a split depends only on (seed, split, i), so a larger dataset extends a
 * smaller one.
 */
public final class SpiralsDataset implements DatasetProvider {

  @Override
  public String id() {
    return "spirals";
  }

  @Override
  public String description() {
    return "Two interleaved noisy spirals in the plane (an example plugin)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(
        ConfigKey.integer("examples", 1000, "training examples N").atLeast(4),
        ConfigKey.integer("test-examples", 200, "held-out examples (0: none)").atLeast(0),
        ConfigKey.real("turns", 1.5, "turns of each spiral").greaterThan(0),
        ConfigKey.real("noise", 0.05, "standard deviation of the noise").atLeast(0));
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    int examples = value(settings, "examples").intValue();
    int test = value(settings, "test-examples").intValue();
    double turns = value(settings, "turns").doubleValue();
    double noise = value(settings, "noise").doubleValue();
    Dataset train = spirals("train", examples, turns, noise, context.seed());
    return new LoadedData(train, test == 0 ? null : spirals("test", test, turns, noise, context.seed()));
  }

  /** The launcher fills in defaults; code that builds settings by hand may leave keys out. */
  private Number value(Settings settings, String key) {
    if (settings.has(key)) {
      return (Number) settings.value(key);
    }
    return (Number) configKeys().stream().filter(k -> k.name().equals(key)).findFirst()
        .orElseThrow().defaultValue();
  }

  private static Dataset spirals(String split, int n, double turns, double noise, long seed) {
    float[] x = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      RandomGenerator random = new RandomKey(seed, "spirals/" + split, i).generator();
      int label = i % 2;
      double t = random.nextDouble();
      double angle = 2 * Math.PI * turns * t + Math.PI * label;
      x[2 * i] = (float) (t * Math.cos(angle) + noise * random.nextGaussian());
      x[2 * i + 1] = (float) (t * Math.sin(angle) + noise * random.nextGaussian());
      labels[i] = label;
    }
    String sha256 = sha256(x, labels);
    return new Dataset() {
      @Override
      public String name() {
        return "spirals/" + split;
      }

      @Override
      public int size() {
        return n;
      }

      @Override
      public List<Integer> inputShape() {
        return List.of(2);
      }

      @Override
      public int outputs() {
        return 2;
      }

      @Override
      public TargetKind targetKind() {
        return TargetKind.CLASSIFICATION;
      }

      @Override
      public Batch batch(int from, int to, DataType type) {
        if (from < 0 || to > n || from >= to) {
          throw new IndexOutOfBoundsException("batch [" + from + ", " + to + ") of " + n);
        }
        double[][] features = new double[to - from][2];
        double[][] targets = new double[to - from][2];
        for (int i = from; i < to; i++) {
          features[i - from][0] = x[2 * i];
          features[i - from][1] = x[2 * i + 1];
          targets[i - from][labels[i]] = 1;
        }
        return new Batch(Nd4j.create(features).castTo(type), Nd4j.create(targets).castTo(type));
      }

      @Override
      public String sha256() {
        return sha256;
      }
    };
  }

  private static String sha256(float[] x, int[] labels) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * x.length + 4 * labels.length);
    for (float value : x) {
      bytes.putFloat(value);
    }
    for (int label : labels) {
      bytes.putInt(label);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
