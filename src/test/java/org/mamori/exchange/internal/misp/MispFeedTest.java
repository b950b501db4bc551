package org.mamori.exchange.internal.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MispFeedTest {

  private static final String GRID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
  private static final String BROKEN = "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e";
  private static final String RANSOM = "3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f";
  private static final Instant GRID_CHANGED = Instant.ofEpochSecond(1763000000);
  private static final Instant BROKEN_CHANGED = Instant.ofEpochSecond(1763100000);
  private static final Instant RANSOM_CHANGED = Instant.ofEpochSecond(1763200000);

  private final MispImport mispImport = new MispImport();
  private final List<String> opened = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();

  @TempDir Path copy;

  @Test
  void aBrokenEventFileIsReportedAndTheOthersStillImport() throws Exception {
    List<MispFeed.Outcome> outcomes = new ArrayList<>();

    MispFeed.Run run =
        MispFeed.inDirectory(feed(), mispImport).importNewerThan(null, outcomes::add);

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOf(MispFeed.Imported.class);
    assertThat(((MispFeed.Imported) outcomes.get(0)).result().eventUuid()).isEqualTo(GRID);
    assertThat(outcomes.get(1)).isInstanceOf(MispFeed.Failed.class);
    assertThat(((MispFeed.Failed) outcomes.get(1)).problem())
        .extracting(MispProblem::subject, MispProblem::reason)
        .containsExactly(BROKEN, MispReason.NOT_JSON);
    assertThat(((MispFeed.Imported) outcomes.get(2)).result().eventUuid()).isEqualTo(RANSOM);
    assertThat(run.imported()).isEqualTo(2);
    assertThat(run.failed()).isEqualTo(1);
  }

  @Test
  void theHighWaterMarkStopsBeforeAFailedEventSoTheNextRunTriesItAgain() throws Exception {
    MispFeed.Run run = MispFeed.inDirectory(feed(), mispImport).importNewerThan(null, seen());

    assertThat(run.highWaterMark()).contains(GRID_CHANGED);
  }

  @Test
  void onlyEventsNewerThanTheMarkAreImported() throws Exception {
    List<MispFeed.Outcome> outcomes = new ArrayList<>();

    MispFeed.Run run =
        MispFeed.inDirectory(feed(), mispImport).importNewerThan(BROKEN_CHANGED, outcomes::add);

    assertThat(outcomes)
        .singleElement()
        .isInstanceOfSatisfying(
            MispFeed.Imported.class,
            imported -> assertThat(imported.entry().uuid()).isEqualTo(RANSOM));
    assertThat(run.highWaterMark()).contains(RANSOM_CHANGED);
  }

  @Test
  void withNothingNewTheMarkStaysWhereItWas() throws Exception {
    MispFeed.Run run =
        MispFeed.inDirectory(feed(), mispImport).importNewerThan(RANSOM_CHANGED, seen());

    assertThat(run.imported()).isZero();
    assertThat(run.highWaterMark()).contains(RANSOM_CHANGED);
  }

  @Test
  void whenEveryEventImportsTheMarkIsTheNewest() throws Exception {
    Path fixed = copyOfFeed();
    Files.copy(
        fixed.resolve(GRID + ".json"),
        fixed.resolve(BROKEN + ".json"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        fixed.resolve(BROKEN + ".json"),
        Files.readString(fixed.resolve(BROKEN + ".json")).replace(GRID, BROKEN));

    MispFeed.Run run = MispFeed.inDirectory(fixed, mispImport).importNewerThan(null, seen());

    assertThat(run.failed()).isZero();
    assertThat(run.highWaterMark()).contains(RANSOM_CHANGED);
  }

  @Test
  void eventsAreReadAndHandedOnOneAtATimeAndHashesCsvIsNotRead() throws Exception {
    Path feed = feed();
    MispFeed.Source recording =
        name -> {
          opened.add(name);
          seen.add("open " + name);
          return Files.newInputStream(feed.resolve(name));
        };

    new MispFeed(recording, mispImport)
        .importNewerThan(null, outcome -> seen.add("outcome " + uuidOf(outcome)));

    assertThat(seen)
        .containsExactly(
            "open manifest.json",
            "open " + GRID + ".json",
            "outcome " + GRID,
            "open " + BROKEN + ".json",
            "outcome " + BROKEN,
            "open " + RANSOM + ".json",
            "outcome " + RANSOM);
    assertThat(Files.exists(feed.resolve("hashes.csv"))).isTrue();
    assertThat(opened).doesNotContain("hashes.csv");
  }

  @Test
  void aManifestKeyThatIsNotAUuidIsReportedAndNoFileIsOpenedForIt() throws Exception {
    Path feed = copyOfFeed();
    Files.writeString(
        feed.resolve("manifest.json"),
        "{\"../../etc/passwd\": {\"timestamp\": \"1763000000\"},"
            + " \""
            + GRID
            + "\": {\"timestamp\": \"1763000000\"}}");
    List<MispFeed.Outcome> outcomes = new ArrayList<>();
    MispFeed.Source recording =
        name -> {
          opened.add(name);
          return Files.newInputStream(feed.resolve(name));
        };

    new MispFeed(recording, mispImport).importNewerThan(null, outcomes::add);

    assertThat(outcomes.get(0))
        .isEqualTo(
            new MispFeed.Failed(
                "../../etc/passwd",
                MispProblem.of(
                    "../../etc/passwd", MispReason.MANIFEST_ENTRY_INVALID, "../../etc/passwd")));
    assertThat(opened).containsExactly("manifest.json", GRID + ".json");
  }

  @Test
  void olderManifestsThatListOnlyTimestampsAreRead() throws Exception {
    Path feed = copyOfFeed();
    Files.writeString(feed.resolve("manifest.json"), "{\"" + RANSOM + "\": \"1763200000\"}");

    MispFeed.Manifest manifest = MispFeed.inDirectory(feed, mispImport).manifest();

    assertThat(manifest.entries()).containsExactly(new MispFeed.Entry(RANSOM, RANSOM_CHANGED, ""));
    assertThat(manifest.invalid()).isEmpty();
  }

  @Test
  void aMissingEventFileOrOneHoldingAnotherEventFails() throws Exception {
    Path feed = copyOfFeed();
    String missing = "4e5f6071-8293-4dae-9f10-3b4c5d6e7f80";
    Files.writeString(
        feed.resolve("manifest.json"),
        "{\"" + missing + "\": \"1763300000\", \"" + BROKEN + "\": \"1763100000\"}");
    Files.copy(
        feed.resolve(GRID + ".json"),
        feed.resolve(BROKEN + ".json"),
        StandardCopyOption.REPLACE_EXISTING);
    List<MispFeed.Outcome> outcomes = new ArrayList<>();

    MispFeed.inDirectory(feed, mispImport).importNewerThan(null, outcomes::add);

    assertThat(outcomes)
        .containsExactly(
            new MispFeed.Failed(
                BROKEN, MispProblem.of(BROKEN, MispReason.EVENT_UUID_MISMATCH, BROKEN, GRID)),
            new MispFeed.Failed(
                missing,
                MispProblem.of(missing, MispReason.EVENT_FILE_UNREADABLE, missing + ".json")));
  }

  @Test
  void aFeedWithoutAManifestImportsNothing() {
    MispFeed feed = MispFeed.inDirectory(copy, mispImport);

    assertThatThrownBy(() -> feed.importNewerThan(null, seen()))
        .isInstanceOfSatisfying(
            MispFormatException.class,
            failure ->
                assertThat(failure.problem().reason()).isEqualTo(MispReason.MANIFEST_UNREADABLE));
  }

  @Test
  void eventsNoLongerListedHaveVanished() throws Exception {
    String deleted = "5f607182-93a4-4ebf-8021-4c5d6e7f8091";

    List<String> vanished =
        MispFeed.inDirectory(feed(), mispImport).vanished(List.of(GRID, deleted, RANSOM));

    assertThat(vanished).containsExactly(deleted);
  }

  @Test
  void aVanishedEventsObjectsAreRevokedInNewerVersions() throws Exception {
    List<ObjectNode> last;
    try (InputStream in = Files.newInputStream(feed().resolve(GRID + ".json"))) {
      last = mispImport.read(in).objects();
    }
    Instant noticed = Instant.parse("2025-12-01T09:00:00Z");

    List<ObjectNode> revocations = MispFeed.revocations(last, noticed);

    assertThat(revocations)
        .extracting(object -> object.get("type").asString())
        .containsExactly("report", "indicator", "note");
    for (ObjectNode revoked : revocations) {
      JsonNode before =
          last.stream()
              .filter(object -> object.get("id").equals(revoked.get("id")))
              .findFirst()
              .orElseThrow();
      assertThat(revoked.get("revoked").asBoolean()).isTrue();
      assertThat(revoked.get("modified").asString()).isEqualTo("2025-12-01T09:00:00.000Z");
      assertThat(revoked.get("created")).isEqualTo(before.get("created"));
    }
    assertThat(MispFeed.revocations(revocations, noticed)).isEmpty();
  }

  @Test
  void aRevocationIsNewerThanTheVersionItEndsEvenWhenTheClockIsBehind() throws Exception {
    List<ObjectNode> last;
    try (InputStream in = Files.newInputStream(feed().resolve(GRID + ".json"))) {
      last = mispImport.read(in).objects();
    }

    List<ObjectNode> revocations = MispFeed.revocations(last, Instant.EPOCH);

    JsonNode report = MispEvents.only(revocations, "report");
    assertThat(report.get("modified").asString()).isEqualTo("2025-11-13T02:13:20.001Z");
  }

  private Path feed() throws URISyntaxException {
    return Path.of(MispFeedTest.class.getResource("/misp/feed").toURI());
  }

  private Path copyOfFeed() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(feed())) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private Consumer<MispFeed.Outcome> seen() {
    return outcome -> seen.add(uuidOf(outcome));
  }

  private static String uuidOf(MispFeed.Outcome outcome) {
    return outcome instanceof MispFeed.Imported imported
        ? imported.entry().uuid()
        : ((MispFeed.Failed) outcome).uuid();
  }
}
