package org.deltascape.launcher.discovery;

import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Settings;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset plugin that exists only on the test classpath (registered in the test resources'
 * META-INF/services): two interleaved classes on a line, x_i = i / n, class i mod 2.
 */
public final class TestOnlyDataset implements DatasetProvider {

  @Override
  public String id() {
    return "test-only-line";
  }

  @Override
  public String description() {
    return "A test-classpath dataset: points on a line in two alternating classes";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(ConfigKey.integer("examples", 120, "how many points").atLeast(4));
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    int n = settings.integer("examples");
    return new LoadedData(new Dataset() {
      @Override
      public String name() {
        return "test-only-line";
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
          throw new IndexOutOfBoundsException(from + ".." + to);
        }
        double[][] x = new double[to - from][2];
        double[][] y = new double[to - from][2];
        for (int i = from; i < to; i++) {
          x[i - from][0] = (double) i / n;
          x[i - from][1] = Math.sin(i);
          y[i - from][i % 2] = 1;
        }
        return new Batch(Nd4j.create(x).castTo(type), Nd4j.create(y).castTo(type));
      }

      @Override
      public String sha256() {
        return "0".repeat(64);
      }
    }, null);
  }
}
