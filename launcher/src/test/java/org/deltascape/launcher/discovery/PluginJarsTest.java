package org.deltascape.launcher.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DatasetProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3: third-party plugin jars, each in its own class loader that shows only the api. */
class PluginJarsTest {

  private static final Map<String, String> SPI_1 = Map.of("Deltascape-SPI-Version", "1");

  @TempDir Path dir;
  private Path plugins;

  @BeforeEach
  void folder() throws Exception {
    plugins = Files.createDirectories(dir.resolve("plugins"));
  }

  private PluginRegistry discover() {
    return PluginDiscovery.discover(getClass().getClassLoader(), List.of(plugins));
  }

  @Test
  void aGoodJarIsLoadedAndListedWithItsFile() throws Exception {
    Path jar = PluginJarBuilder.jar(plugins.resolve("good.jar"),
        Map.of("GoodLine", PluginJarBuilder.datasetSource("GoodLine", "good-line", "")), SPI_1, Map.of());
    PluginRegistry registry = discover();
    assertThat(registry.plugins(Spi.DATASET).get("good-line").origin()).isEqualTo(jar.toString());
    DatasetProvider provider = registry.require(DatasetProvider.class, "good-line");
    assertThat(provider.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    assertThat(registry.loadProblems()).isEmpty();
    assertThat(registry.ids(Spi.DATASET)).contains("digits");
  }

  @Test
  void aJarBundlingTheApiOrNd4jIsRefusedAndTheOthersStillLoad() throws Exception {
    PluginJarBuilder.jar(plugins.resolve("a-good.jar"),
        Map.of("GoodLine", PluginJarBuilder.datasetSource("GoodLine", "good-line", "")), SPI_1, Map.of());
    Path fat = PluginJarBuilder.jar(plugins.resolve("fat.jar"),
        Map.of("FatLine", PluginJarBuilder.datasetSource("FatLine", "fat-line", "")), SPI_1,
        Map.of("org/nd4j/linalg/factory/Nd4j.class", new byte[] {1, 2, 3}));
    PluginRegistry registry = discover();
    assertThat(registry.ids(Spi.DATASET)).contains("good-line").doesNotContain("fat-line");
    assertThat(registry.loadProblems()).containsExactly(fat + " bundles ND4J (found"
        + " org/nd4j/linalg/factory/Nd4j.class); they must come from deltascape, or their classes"
        + " clash with ours and ND4J's native code cannot load twice. In the plugin's pom give"
        + " deltascape-api and ND4J <scope>provided</scope> and do not shade them");
  }

  @Test
  void aJarBuiltAgainstAnotherSpiVersionIsRefusedNamingBothVersions() throws Exception {
    Path old = PluginJarBuilder.jar(plugins.resolve("old.jar"),
        Map.of("OldLine", PluginJarBuilder.datasetSource("OldLine", "old-line", "")),
        Map.of("Deltascape-SPI-Version", "0"), Map.of());
    PluginRegistry registry = discover();
    assertThat(registry.ids(Spi.DATASET)).doesNotContain("old-line");
    assertThat(registry.loadProblems()).containsExactly(old + " was built against deltascape SPI"
        + " version 0, but this deltascape has SPI version 1; rebuild the plugin against"
        + " deltascape-api of this version");
  }

  @Test
  void aBrokenJarAndAPluginThatNeedsAHiddenClassAreReportedByFile() throws Exception {
    Path broken = Files.writeString(plugins.resolve("broken.jar"), "not a zip file");
    Path hidden = PluginJarBuilder.jar(plugins.resolve("hidden.jar"),
        Map.of("NeedsPicocli", PluginJarBuilder.datasetSource("NeedsPicocli", "needs-picocli",
            "new picocli.CommandLine(new Object());")), SPI_1, Map.of());
    PluginRegistry registry = discover();
    assertThat(registry.ids(Spi.DATASET)).doesNotContain("needs-picocli").contains("digits");
    assertThat(registry.loadProblems()).hasSize(2);
    assertThat(registry.loadProblems().get(0)).startsWith(broken + " is not a readable jar");
    assertThat(registry.loadProblems().get(1))
        .startsWith("a dataset plugin from " + hidden + " could not be loaded")
        .contains("picocli");
  }

  @Test
  void aJarWithoutAnSpiVersionLoadsWithAWarning() throws Exception {
    Path bare = PluginJarBuilder.jar(plugins.resolve("bare.jar"),
        Map.of("BareLine", PluginJarBuilder.datasetSource("BareLine", "bare-line", "")), Map.of(), Map.of());
    PluginRegistry registry = discover();
    assertThat(registry.ids(Spi.DATASET)).contains("bare-line");
    assertThat(registry.loadProblems()).containsExactly(bare + " does not say which deltascape SPI"
        + " version it was built against; loaded anyway. Add the manifest entry"
        + " Deltascape-SPI-Version: 1 (see examples/dataset-plugin/pom.xml)");
  }
}
