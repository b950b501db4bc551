package org.mamori.exchange.internal.misp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person or a tool hands over to import: one MISP event file, several, a MISP feed ({@code
 * manifest.json} with its event files), or a .zip of a feed directory; read as the STIX objects of
 * every event that could be read. An event that cannot be read is a problem; the others still
 * import.
 */
@Component
public class MispUpload {

  /** The most an upload may hold, also once unzipped: what the web server accepts per file. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** More files than a feed directory sensibly holds: a zip bomb of tiny entries stops here. */
  static final int MAX_ZIP_ENTRIES = 10_000;

  private static final String MANIFEST = "manifest.json";
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /** One uploaded file, by its name without folders. */
  public record File(String name, byte[] content) {}

  /**
   * The upload as STIX.
   *
   * @param events how many events were read; zero when none could be, and nothing is to be stored
   * @param objects every object of the events read, each exact object once (two events of one
   *     organisation share its identity and the TLP markings)
   * @param problems the events that could not be read and what of the others could not be mapped
   */
  public record Result(int events, List<ObjectNode> objects, List<MispProblem> problems) {

    public Result {
      objects = List.copyOf(objects);
      problems = List.copyOf(problems);
    }
  }

  private final MispImport importer;

  public MispUpload(MispImport importer) {
    this.importer = importer;
  }

  /**
   * Reads the files: a feed when one of them is {@code manifest.json}, otherwise an event per file.
   *
   * @throws MispFormatException when the upload is too large or a .zip cannot be read
   */
  public Result read(List<File> files) {
    long total = files.stream().mapToLong(file -> file.content().length).sum();
    if (total > MAX_BYTES) {
      throw tooLarge();
    }
    List<File> all = files.size() == 1 && isZip(files.get(0)) ? unzip(files.get(0)) : files;
    Collected collected = new Collected();
    Map<String, byte[]> byName = new LinkedHashMap<>();
    all.forEach(file -> byName.putIfAbsent(file.name(), file.content()));
    if (byName.containsKey(MANIFEST)) {
      feed(byName, collected);
    } else {
      all.forEach(file -> event(file, collected));
    }
    return new Result(collected.events, collected.objects, collected.problems);
  }

  private void feed(Map<String, byte[]> byName, Collected collected) {
    MispFeed feed =
        new MispFeed(
            name -> {
              byte[] content = byName.get(name);
              if (content == null) {
                throw new FileNotFoundException(name);
              }
              return new ByteArrayInputStream(content);
            },
            importer);
    try {
      feed.importNewerThan(
          null,
          outcome -> {
            if (outcome instanceof MispFeed.Imported imported) {
              collected.add(imported.result());
            } else if (outcome instanceof MispFeed.Failed failed) {
              collected.problems.add(failed.problem());
            }
          });
    } catch (MispFormatException unreadable) {
      collected.problems.add(unreadable.problem());
    }
  }

  private void event(File file, Collected collected) {
    try {
      collected.add(importer.read(new ByteArrayInputStream(file.content())));
    } catch (MispFormatException broken) {
      MispProblem problem = broken.problem();
      collected.problems.add(new MispProblem(file.name(), problem.reason(), problem.arguments()));
    }
  }

  /** The events read so far. */
  private static final class Collected {
    private int events;
    private final List<ObjectNode> objects = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<MispProblem> problems = new ArrayList<>();

    void add(MispImportResult result) {
      events++;
      for (ObjectNode object : result.objects()) {
        if (seen.add(object.toString())) {
          objects.add(object);
        }
      }
      problems.addAll(result.problems());
    }
  }

  private static boolean isZip(File file) {
    byte[] content = file.content();
    if (content.length < ZIP_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < ZIP_MAGIC.length; i++) {
      if (content[i] != ZIP_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The .json files of a zipped feed directory, by their names without folders; what else it holds
   * (hashes.csv, a Mac's resource forks) is not read.
   */
  private static List<File> unzip(File zip) {
    List<File> files = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ZIP_ENTRIES) {
          throw tooLarge();
        }
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (entry.isDirectory()
            || entry.getName().startsWith("__MACOSX/")
            || name.startsWith(".")
            || !name.toLowerCase(Locale.ROOT).endsWith(".json")) {
          continue;
        }
        byte[] content = readAtMost(in, MAX_BYTES - total);
        total += content.length;
        files.add(new File(name, content));
      }
    } catch (IOException | IllegalArgumentException broken) {
      // ZipInputStream throws IllegalArgumentException for names in an unknown encoding
      throw new MispFormatException(zip.name(), MispReason.ZIP_UNREADABLE, zip.name());
    }
    if (files.isEmpty()) {
      throw new MispFormatException(zip.name(), MispReason.ZIP_WITHOUT_EVENTS, zip.name());
    }
    return files;
  }

  /** One entry, refused as too large once it passes what is left of the limit. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      if (out.size() + (long) read > limit) {
        throw tooLarge();
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  /** The refusal of an upload beyond {@link #MAX_BYTES}. */
  public static MispFormatException tooLarge() {
    return new MispFormatException(
        "", MispReason.UPLOAD_TOO_LARGE, Long.toString(MAX_BYTES / (1024 * 1024)));
  }
}
