package org.mamori.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Makes the data directory ready; for tests, wipes it once per JVM first. */
final class DataDirectories {

  /** Directories already prepared in this JVM: contexts that share one must not wipe it twice. */
  private static final Set<Path> PREPARED = new HashSet<>();

  private DataDirectories() {}

  static synchronized void prepare(Path directory, boolean fresh) {
    Path key = directory.toAbsolutePath().normalize();
    if (!PREPARED.add(key)) {
      return;
    }
    try {
      if (fresh) {
        deleteRecursively(key);
      }
      Files.createDirectories(key);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the data directory " + key, e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
