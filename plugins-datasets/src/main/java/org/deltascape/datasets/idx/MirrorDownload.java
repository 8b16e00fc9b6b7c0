package org.deltascape.datasets.idx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;

/**
 * Downloads one IDX file from the first mirror that serves it intact. Each attempt writes a
 * temporary file next to the target, decompresses it and checks its structure ({@link IdxFile})
 * and, when one is known, the SHA-256 of its decompressed bytes; only then is it renamed into
 * place atomically. A failed attempt deletes its temporary file and is recorded with its URL and
 * reason, and the next mirror is tried; when all fail, the error lists every attempt.
 *
 * @param client the HTTP client (its connect timeout applies)
 * @param timeout the longest wait for a response's headers
 * @param progress where the bytes received are reported
 */
public record MirrorDownload(HttpClient client, Duration timeout, Progress progress) {
  /** All mirrors failed; lists each URL and why. */
  public static final String ALL_FAILED = "could not download %s from any mirror:%s";
  /** No mirrors are configured. */
  public static final String NO_MIRRORS = "%s is missing and no mirrors are configured";
  /** An HTTP status other than 200. */
  public static final String BAD_STATUS = "HTTP status %d";
  /** The downloaded bytes are intact but not the expected ones. */
  public static final String MISMATCH = "decompressed SHA-256 %s is not the expected %s";

  private static final int CHUNK = 1 << 16;

  /** A client that follows redirects and gives up connecting after {@code timeout}. */
  public static HttpClient client(Duration timeout) {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .build();
  }

  /**
   * Downloads {@code name} from the first mirror that has it into {@code target}.
   *
   * @param name the file name on the mirrors ({@code train-images-idx3-ubyte.gz})
   * @param target where the verified file goes; its folder is created
   * @param mirrors base URLs, tried in order ({@code name} is appended, with a {@code /} if needed)
   * @param dimensions 3 for images, 1 for labels (for the structural check)
   * @param expectedSha256 SHA-256 of the decompressed file, or null to check structure only
   * @param where the dataset, for messages
   * @return the verified file read into memory
   */
  public IdxFile fetch(
      String name,
      Path target,
      List<String> mirrors,
      int dimensions,
      String expectedSha256,
      String where) {
    if (mirrors.isEmpty()) {
      throw new DeltascapeException(
          String.format(NO_MIRRORS, name), where, "Put the file in " + target.getParent());
    }
    List<String> failures = new ArrayList<>();
    for (String mirror : mirrors) {
      String url = mirror.endsWith("/") ? mirror + name : mirror + "/" + name;
      try {
        return attempt(URI.create(url), target, dimensions, expectedSha256);
      } catch (DeltascapeException e) {
        failures.add(url + ": " + e.what());
      } catch (IOException | IllegalArgumentException e) {
        failures.add(url + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(url + ": interrupted");
        break;
      }
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < failures.size(); i++) {
      list.append(' ').append(i + 1).append(". ").append(failures.get(i)).append(';');
    }
    list.setLength(list.length() - 1);
    throw new DeltascapeException(
        String.format(ALL_FAILED, name, list),
        where,
        "Check the network and the mirrors key, or put the file in " + target.getParent());
  }

  private IdxFile attempt(URI uri, Path target, int dimensions, String expected)
      throws IOException, InterruptedException {
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    boolean kept = false;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new DeltascapeException(String.format(BAD_STATUS, response.statusCode()), null, null);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (Progress.Task task = progress.start("downloading " + uri, length, "bytes");
            OutputStream out = Files.newOutputStream(partial)) {
          byte[] buffer = new byte[CHUNK];
          for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            out.write(buffer, 0, n);
            task.advance(n);
          }
        }
      }
      IdxFile file = IdxFile.read(partial, dimensions, dimensions == 1 ? "labels" : "images");
      if (expected != null && !file.sha256().equalsIgnoreCase(expected)) {
        throw new DeltascapeException(
            String.format(MISMATCH, file.sha256(), expected.toLowerCase(java.util.Locale.ROOT)),
            null,
            null);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      kept = true;
      return new IdxFile(target, file.bytes(), file.headerLength(), file.dims(), file.sha256());
    } finally {
      if (!kept) {
        Files.deleteIfExists(partial);
      }
    }
  }
}
