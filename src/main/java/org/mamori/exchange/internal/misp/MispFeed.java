package org.mamori.exchange.internal.misp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MISP feed: {@code manifest.json} (event uuid to its info, timestamp, Orgc, tags; or, from older
 * generators, to the timestamp alone) and one {@code <uuid>.json} per event. Other files, such as
 * {@code hashes.csv}, are not read.
 *
 * <p>Events are read and handed on one at a time, so memory stays bounded whatever the feed's size;
 * only the manifest's uuids and timestamps are held. A broken event file is reported and the others
 * still import. MISP's own feed pull forgets what it could not fetch; here the high-water mark a
 * run returns never passes an event that failed, so the next run tries it again.
 */
public final class MispFeed {

  /** Where a feed's files come from: a directory here, a web address later. */
  @FunctionalInterface
  public interface Source {
    /**
     * Opens one file of the feed.
     *
     * @throws IOException when the feed has no such file or it cannot be read
     */
    InputStream open(String name) throws IOException;
  }

  /** One event the manifest lists. */
  public record Entry(String uuid, Instant timestamp, String info) {}

  /** The manifest: the events it lists, oldest first, and the entries that made no sense. */
  public record Manifest(List<Entry> entries, List<MispProblem> invalid) {

    public Manifest {
      entries = List.copyOf(entries);
      invalid = List.copyOf(invalid);
    }
  }

  /** What became of one event of the feed. */
  public sealed interface Outcome permits Imported, Failed {}

  public record Imported(Entry entry, MispImportResult result) implements Outcome {}

  /** Nothing of this event was imported. */
  public record Failed(String uuid, MispProblem problem) implements Outcome {}

  /**
   * One run over the feed.
   *
   * @param highWaterMark the timestamp to pass to the next run: the newest one up to which every
   *     event imported, or the run's own mark when it could not move it (empty when it had none)
   */
  public record Run(int imported, int failed, Optional<Instant> highWaterMark) {}

  private static final String MANIFEST = "manifest.json";

  /** Reads the manifest one entry at a time, so the entries after one are not "trailing". */
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final Source source;
  private final MispImport importer;

  public MispFeed(Source source, MispImport importer) {
    this.source = source;
    this.importer = importer;
  }

  /** A feed in a directory of this machine. */
  public static MispFeed inDirectory(Path directory, MispImport importer) {
    return new MispFeed(name -> Files.newInputStream(directory.resolve(name)), importer);
  }

  /**
   * Reads the manifest, entry by entry.
   *
   * @throws MispFormatException when there is no manifest or it is not a JSON object
   */
  public Manifest manifest() {
    List<Entry> entries = new ArrayList<>();
    List<MispProblem> invalid = new ArrayList<>();
    try (InputStream in = source.open(MANIFEST);
        JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MispFormatException(MANIFEST, MispReason.MANIFEST_UNREADABLE, MANIFEST);
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        JsonNode value = JSON.readTree(parser);
        Optional<Instant> timestamp =
            value.isObject()
                ? MispFields.seconds(value, "timestamp")
                : MispFields.seconds(JSON.createObjectNode().set("timestamp", value), "timestamp");
        if (StixIds.uuid(key).isPresent() && timestamp.isPresent()) {
          entries.add(new Entry(key, timestamp.get(), MispFields.text(value, "info")));
        } else {
          invalid.add(MispProblem.of(key, MispReason.MANIFEST_ENTRY_INVALID, key));
        }
      }
    } catch (IOException | JacksonException unreadable) {
      throw new MispFormatException(MANIFEST, MispReason.MANIFEST_UNREADABLE, MANIFEST);
    }
    entries.sort(Comparator.comparing(Entry::timestamp).thenComparing(Entry::uuid));
    return new Manifest(entries, invalid);
  }

  /**
   * Imports, oldest first, every event whose manifest timestamp is newer than the mark (all of them
   * without one), handing each outcome on before reading the next event.
   *
   * @throws MispFormatException when the manifest cannot be read; nothing is imported then
   */
  public Run importNewerThan(@Nullable Instant highWaterMark, Consumer<Outcome> each) {
    Manifest manifest = manifest();
    manifest.invalid().forEach(problem -> each.accept(new Failed(problem.subject(), problem)));
    int imported = 0;
    int failed = manifest.invalid().size();
    Instant firstFailure = null;
    TreeSet<Instant> importedBeforeFailure = new TreeSet<>();
    for (Entry entry : manifest.entries()) {
      if (highWaterMark != null && !entry.timestamp().isAfter(highWaterMark)) {
        continue;
      }
      Outcome outcome = importEvent(entry);
      each.accept(outcome);
      if (outcome instanceof Imported) {
        imported++;
        if (firstFailure == null) {
          importedBeforeFailure.add(entry.timestamp());
        }
      } else {
        failed++;
        if (firstFailure == null) {
          firstFailure = entry.timestamp();
        }
      }
    }
    // events sharing the failed one's timestamp must not be passed either
    Instant safe =
        firstFailure == null
            ? importedBeforeFailure.isEmpty() ? null : importedBeforeFailure.last()
            : importedBeforeFailure.lower(firstFailure);
    return new Run(imported, failed, Optional.ofNullable(safe != null ? safe : highWaterMark));
  }

  /**
   * The events imported before that the manifest no longer lists: deleted at the source. Their last
   * versions go through {@link #revocations} so the deletion reaches every reader.
   */
  public List<String> vanished(Collection<String> importedEventUuids) {
    Set<String> listed = new HashSet<>();
    manifest().entries().forEach(entry -> listed.add(entry.uuid().toLowerCase(Locale.ROOT)));
    return importedEventUuids.stream()
        .filter(uuid -> !listed.contains(uuid.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Revoked versions of the given last versions of a vanished event's objects (its report or
   * grouping and what that references). Only objects that have versions are revoked: observables,
   * identities and definitions are left as they are, and so is what is revoked already.
   *
   * @param at when the deletion was noticed; a revocation is always newer than the version it ends
   */
  public static List<ObjectNode> revocations(
      Collection<? extends JsonNode> lastVersions, Instant at) {
    List<ObjectNode> revoked = new ArrayList<>();
    for (JsonNode last : lastVersions) {
      String type = MispFields.text(last, "type");
      Optional<Instant> modified = instant(last);
      if (modified.isEmpty()
          || last.path("revoked").asBoolean(false)
          || Set.of("identity", "marking-definition", "extension-definition").contains(type)) {
        continue;
      }
      Instant after = modified.get().plusMillis(1);
      ObjectNode version = (ObjectNode) last.deepCopy();
      version.put("modified", StixIds.timestamp(at.isAfter(after) ? at : after));
      version.put("revoked", true);
      revoked.add(version);
    }
    return revoked;
  }

  private Outcome importEvent(Entry entry) {
    String file = entry.uuid() + ".json";
    try (InputStream in = source.open(file)) {
      MispImportResult result = importer.read(in);
      if (!result.eventUuid().equalsIgnoreCase(entry.uuid())) {
        return new Failed(
            entry.uuid(),
            MispProblem.of(
                entry.uuid(), MispReason.EVENT_UUID_MISMATCH, entry.uuid(), result.eventUuid()));
      }
      return new Imported(entry, result);
    } catch (MispFormatException broken) {
      MispProblem problem = broken.problem();
      return new Failed(
          entry.uuid(), new MispProblem(entry.uuid(), problem.reason(), problem.arguments()));
    } catch (IOException unreadable) {
      return new Failed(
          entry.uuid(), MispProblem.of(entry.uuid(), MispReason.EVENT_FILE_UNREADABLE, file));
    }
  }

  private static Optional<Instant> instant(JsonNode object) {
    try {
      return Optional.of(Instant.parse(MispFields.text(object, "modified")));
    } catch (DateTimeParseException notVersioned) {
      return Optional.empty();
    }
  }
}
