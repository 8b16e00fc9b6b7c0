package org.deltascape.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialization to and from bytes, for what whole points send (the prepared journal, the
 * results): Spark moves bytes the same way whatever serializer its settings choose (Kryo knows
 * nothing of ND4J's arrays, which serialize themselves with Java serialization).
 */
final class JavaBytes {

  private JavaBytes() {}

  static byte[] write(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot deserialize a " + type.getName(), e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot deserialize a " + type.getName() + ": "
          + e.getMessage() + " is not on this JVM's class path", e);
    }
  }
}
