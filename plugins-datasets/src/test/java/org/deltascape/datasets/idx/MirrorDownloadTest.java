package org.deltascape.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Progress;
import org.deltascape.api.Settings;
import org.deltascape.datasets.Fingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download path against a local {@link HttpServer} on 127.0.0.1 that serves gzipped IDX files
 * the test writes ({@link IdxFixture}: 30 train and 10 test images): {@code /good/} has all four,
 * {@code /missing/} answers 404, {@code /cut/} sends half of each body and closes the connection.
 */
class MirrorDownloadTest {
  @TempDir Path temp;

  private HttpServer server;
  private String base;
  private final List<String> requests = new ArrayList<>();
  private final List<byte[]> files = new ArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    files.add(IdxFixture.images(30, 28, 28, 0));
    files.add(IdxFixture.labels(30, 0));
    files.add(IdxFixture.images(10, 28, 28, 100));
    files.add(IdxFixture.labels(10, 100));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      synchronized (requests) {
        requests.add(path);
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      int index = IdxSpec.STANDARD_FILES.indexOf(name.replace(".gz", ""));
      if (path.startsWith("/missing/") || index < 0) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = IdxFixture.gzip(files.get(index));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (path.startsWith("/cut/")) {
          out.write(body, 0, body.length / 2);
          out.flush();
          throw new IOException("connection cut by the test");
        }
        out.write(body);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private MnistProvider provider() {
    return new MnistProvider(Map.of(), temp.resolve("home"), List.of());
  }

  private LoadedData load(Map<String, ?> values) {
    return provider().load(Settings.of("dataset mnist", values), new DatasetContext(1, Progress.silent()));
  }

  private List<String> checksums() {
    return files.stream().map(Fingerprint::of).toList();
  }

  private static List<Path> contents(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.toList();
    }
  }

  @Test
  void downloadsVerifiesAndKeepsTheFiles() throws IOException {
    Path dir = temp.resolve("data");
    LoadedData data = load(Map.of("dir", dir.toString(), "mirrors", List.of(base + "/good"),
        "sha256", checksums()));
    assertThat(data.train().size()).isEqualTo(30);
    assertThat(data.test().size()).isEqualTo(10);
    assertThat(contents(dir)).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    assertThat(data.notes().get(0)).endsWith(" (verified)");
    requests.clear();
    assertThat(load(Map.of("dir", dir.toString(), "mirrors", List.of(base + "/good"))).train().sha256())
        .isEqualTo(data.train().sha256());
    assertThat(requests).as("second load reads the kept files").isEmpty();
  }

  @Test
  void downloadsIntoTheCacheWhenNoDirIsGiven() throws IOException {
    load(Map.of("mirrors", List.of(base + "/good/")));
    assertThat(contents(temp.resolve("home/.cache/deltascape/mnist"))).hasSize(4);
  }

  @Test
  void checksumMismatchLeavesNothingOnDisk() throws IOException {
    Path dir = temp.resolve("data");
    List<String> wrong = new ArrayList<>(checksums());
    wrong.set(0, "0".repeat(64));
    assertThatThrownBy(() -> load(Map.of("dir", dir.toString(), "mirrors", List.of(base + "/good"),
        "sha256", wrong)))
        .hasMessage("dataset mnist: could not download train-images-idx3-ubyte.gz from any mirror:"
            + " 1. " + base + "/good/train-images-idx3-ubyte.gz: decompressed SHA-256 "
            + checksums().get(0) + " is not the expected " + "0".repeat(64) + ". Check the network"
            + " and the mirrors key, or put the file in " + dir + ".");
    assertThat(contents(dir)).isEmpty();
  }

  @Test
  void notFoundOnTheFirstMirrorThenTheSecond() throws IOException {
    Path dir = temp.resolve("data");
    LoadedData data = load(Map.of("dir", dir.toString(),
        "mirrors", List.of(base + "/missing/", base + "/good/")));
    assertThat(data.train().size()).isEqualTo(30);
    assertThat(requests).startsWith("/missing/train-images-idx3-ubyte.gz", "/good/train-images-idx3-ubyte.gz");
    assertThat(contents(dir)).hasSize(4);
  }

  @Test
  void everyFailedMirrorIsNamedWithItsReason() throws IOException {
    Path dir = temp.resolve("data");
    MirrorDownload download = new MirrorDownload(
        MirrorDownload.client(Duration.ofSeconds(5)), Duration.ofSeconds(5), Progress.silent());
    assertThatThrownBy(() -> download.fetch("train-labels-idx1-ubyte.gz",
        dir.resolve("train-labels-idx1-ubyte.gz"), List.of(base + "/missing", base + "/cut"), 1,
        null, "dataset mnist"))
        .hasMessageStartingWith("dataset mnist: could not download train-labels-idx1-ubyte.gz from"
            + " any mirror: 1. " + base + "/missing/train-labels-idx1-ubyte.gz: HTTP status 404; 2. "
            + base + "/cut/train-labels-idx1-ubyte.gz: java.io.IOException: ");
    assertThat(contents(dir)).isEmpty();
  }

  @Test
  void connectionCutMidBodyThenTheNextMirror() throws IOException {
    Path dir = temp.resolve("data");
    LoadedData data = load(Map.of("dir", dir.toString(),
        "mirrors", List.of(base + "/cut/", base + "/good/"), "sha256", checksums()));
    assertThat(data.train().size()).isEqualTo(30);
    assertThat(contents(dir)).hasSize(4);
  }
}
