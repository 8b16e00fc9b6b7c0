package org.deltascape.datasets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints in lower-case hex, as {@link org.deltascape.api.Dataset#sha256()} gives. */
public final class Fingerprint {
  private Fingerprint() {}

  /** A fresh SHA-256 digest (every JDK has one). */
  public static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** The lower-case hex of a finished digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of {@code bytes}. */
  public static String of(byte[] bytes) {
    MessageDigest digest = sha256Digest();
    digest.update(bytes);
    return hex(digest);
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code text} is 64 hex digits. */
  public static boolean isSha256(String text) {
    return text != null && text.matches("[0-9a-fA-F]{64}");
  }
}
