package org.deltascape.api;

/**
 * SPI: a source of datasets ({@code digits}, {@code mnist}, {@code csv}, …).
 *
 * <p>Register an implementation in {@code META-INF/services/org.deltascape.api.DatasetProvider}.
 * Tests of an implementation extend {@code DatasetProviderContract} from the api test-jar.
 */
public interface DatasetProvider extends Plugin {

  /**
   * Loads the dataset the settings describe.
   *
   * @param settings validated against {@link #configKeys()}; never null
   * @param context seed and progress; never null
   * @return the loaded splits; never null
   * @throws DeltascapeException for a missing, unreadable or malformed source, naming the file
   *     and the fault
   */
  LoadedData load(Settings settings, DatasetContext context);
}
