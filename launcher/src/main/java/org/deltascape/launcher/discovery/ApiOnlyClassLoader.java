package org.deltascape.launcher.discovery;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin jar's class loader: it shows a plugin the JDK, deltascape's {@code
 * api} and the libraries {@code api} depends on (ND4J and its natives, SLF4J, Commons Math and
 * Lang, …), and hides everything else of the launcher (its own code, the built-in plugins, Guice,
 * picocli, YAML, Jackson), so that a plugin cannot come to depend on them by accident and two
 * plugins cannot see each other.
 */
final class ApiOnlyClassLoader extends ClassLoader {

  /** Packages (and resource folders) a plugin may use from the launcher's class path. */
  static final List<String> EXPOSED =
      List.of(
          "org.deltascape.api.",
          "org.nd4j.",
          "org.bytedeco.",
          "org.slf4j.",
          "org.apache.commons.math3.",
          "org.apache.commons.lang3.",
          "org.apache.commons.io.",
          "org.apache.commons.compress.",
          "org.apache.commons.collections4.",
          "org.apache.commons.codec.",
          "org.apache.commons.net.",
          "com.google.flatbuffers.",
          "com.jakewharton.byteunits.",
          "oshi.",
          "com.sun.jna.",
          "org.threeten.bp.",
          "net.ericaro.neoitertools.");

  private final ClassLoader application;

  ApiOnlyClassLoader(ClassLoader application) {
    super("deltascape-api", ClassLoader.getPlatformClassLoader());
    this.application = application;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (exposed(name)) {
      return application.loadClass(name);
    }
    throw new ClassNotFoundException(name + " is not part of deltascape's api");
  }

  @Override
  protected URL findResource(String name) {
    return exposed(name.replace('/', '.')) ? application.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return exposed(name.replace('/', '.')) ? application.getResources(name) : Collections.emptyEnumeration();
  }

  static boolean exposed(String name) {
    for (String prefix : EXPOSED) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
