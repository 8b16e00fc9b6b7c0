package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader's browser shows it: Debian's headless Chromium opens a copy of
 * report.html into which this test puts a small check script (the report itself has none). The
 * script records every error event (scripts and resources, in the capture phase), console.error
 * and console.warn calls and every network resource, and, once the page has loaded, writes into
 * the DOM how many images there are and which did not decode (naturalWidth 0). Chromium dumps
 * the DOM; its stderr must hold no console message. Chromium is killed after 60 s.
 */
class ReportInChromiumTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final String CHECK = """
      <script>
      var deltascapeProblems = [];
      window.addEventListener('error', function (e) {
        deltascapeProblems.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e.type));
      }, true);
      ['error', 'warn'].forEach(function (level) {
        var original = console[level];
        console[level] = function () {
          deltascapeProblems.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' '));
          original.apply(console, arguments);
        };
      });
      window.addEventListener('load', function () {
        var broken = [];
        for (var i = 0; i < document.images.length; i++) {
          var image = document.images[i];
          if (!image.complete || image.naturalWidth === 0) { broken.push(i); }
        }
        var resources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
        var out = document.createElement('pre');
        out.textContent = 'DELTASCAPE-CHECK ' + JSON.stringify({images: document.images.length,
            broken: broken, problems: deltascapeProblems, resources: resources}) + ' END';
        document.body.appendChild(out);
      });
      </script>
      """;

  private static final Pattern RESULT = Pattern.compile("DELTASCAPE-CHECK (\\{.*?}) END");

  @TempDir Path dir;

  @Test
  void everyPictureLoadsAndNothingComplains() throws IOException, InterruptedException {
    Path folder = ReportFixture.write(dir.resolve("run"));
    Report.Written written = Report.build(folder);
    assertLoadsCleanly(written, "page");
    assertThat(written.figures()).containsExactly("delta-hessian", "plateau-hessian", "estimators-hessian",
        "delta-random_10", "plateau-random_10", "estimators-random_10", "profile-hessian", "surface-hessian",
        "spectrum", "density", "training");
    for (String name : written.figures()) {
      for (String extension : List.of(".png", ".svg", ".pdf")) {
        assertThat(folder.resolve(Report.FIGURES).resolve(name + extension)).isNotEmptyFile();
      }
    }
  }

  /** A run with replicates and a validation block, as deltascape run writes it. */
  @Test
  void theReportOfReplicatesWithItsBandsAndValidationLoadsAndNothingComplains()
      throws IOException, InterruptedException {
    Path config = dir.resolve("replicated.yaml");
    Files.writeString(config, String.join("\n",
        "seed: 5",
        "dataset: { id: digits, limit: 300 }",
        "model: { id: mlp, hidden: [4], activation: tanh }",
        "training: { epochs: 2, batch-size: 30 }",
        "spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 2 }]",
        "sampler: { sigma: 0.5, samples: 32 }",
        "orders: 2",
        "k: { step: 10 }",
        "threshold: 1.0e-3",
        "replicates: 3",
        "validation: { replicates: 2, space: random }",
        ""));
    Path folder = dir.resolve("replicated");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console = new Console(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(new Launcher(
        PluginCatalog.classpath(getClass().getClassLoader()), console,
        Progress.silent()).execute("run", config.toString(), "--output", folder.toString()))
        .as(err.toString(StandardCharsets.UTF_8)).isZero();
    Report.Written written = Report.build(folder);
    assertLoadsCleanly(written, "replicated");
    assertThat(written.figures()).containsExactly("delta-hessian", "plateau-hessian", "estimators-hessian",
        "delta-random", "plateau-random", "estimators-random", "spectrum", "training", "validation");
    String html = Files.readString(written.html());
    assertThat(html).contains("mean over 3 replicates (training seeds 5, 6, 7) with a band of ± 1 sd over them")
        .contains("with ± 1 sd error bars (top)").contains("the dashed line is K(ε) (space random");
  }

  private void assertLoadsCleanly(Report.Written written, String name) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: this test opens report.html in headless Chromium. Install it with"
          + " `apt-get install -y chromium` (CI's .ci/run does)");
    }
    String html = Files.readString(written.html());
    assertThat(html).doesNotContain("<script").doesNotContainPattern("(src|href)=\"(https?:|//|file:)");
    Path page = dir.resolve(name + "-checked.html");
    Files.writeString(page, html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(CHECK)));

    Path stdout = dir.resolve(name + "-dom.html");
    Path stderr = dir.resolve(name + "-chromium.log");
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve(name + "-profile"),
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
      chromium.descendants().forEach(ProcessHandle::destroyForcibly);
      chromium.destroyForcibly();
      fail("Chromium did not finish within 60 s; its log: " + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    String dom = Files.readString(stdout, StandardCharsets.UTF_8);
    String log = Files.readString(stderr, StandardCharsets.UTF_8);
    Matcher result = RESULT.matcher(dom);
    assertThat(result.find()).as("the check's result in the dumped DOM; Chromium's log:%n%s", log).isTrue();
    int pictures = written.figures().size();
    assertThat(result.group(1)).isEqualTo("{\"images\":" + pictures + ",\"broken\":[],\"problems\":[],\"resources\":[]}");
    assertThat(log.lines().filter(line -> line.contains(":CONSOLE")).toList()).isEmpty();
  }
}
