package org.mamori.exchange.internal.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MispUploadTest {

  private final MispUpload upload = new MispUpload(new MispImport());

  @Test
  void twoEventsOfOneOrganisationShareItsIdentityAndMarkingOnce() {
    byte[] first = bytes(MispEvents.withAttribute("domain", "water-update.example", true));
    ObjectNode second = MispEvents.withAttribute("domain", "water-update.example", true);
    ObjectNode secondEvent = (ObjectNode) MispEvents.eventOf(second);
    secondEvent.put("uuid", "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
    ((ObjectNode) secondEvent.get("Attribute").get(0))
        .put("uuid", "9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0");

    MispUpload.Result result =
        upload.read(
            List.of(
                new MispUpload.File("a.json", first),
                new MispUpload.File("b.json", bytes(second))));

    assertThat(result.events()).isEqualTo(2);
    assertThat(result.objects().stream().filter(o -> o.get("type").asString().equals("identity")))
        .hasSize(1);
    assertThat(result.objects().stream().filter(o -> o.get("type").asString().equals("indicator")))
        .hasSize(2);
  }

  @Test
  void aBrokenFileAmongSeveralIsNamedAndTheOthersStillImport() {
    MispUpload.Result result =
        upload.read(
            List.of(
                new MispUpload.File(
                    "good.json", bytes(MispEvents.withAttribute("domain", "a.example", true))),
                new MispUpload.File("broken.json", "{".getBytes(StandardCharsets.UTF_8))));

    assertThat(result.events()).isEqualTo(1);
    assertThat(result.problems())
        .extracting(MispProblem::subject, MispProblem::reason)
        .containsExactly(tuple("broken.json", MispReason.NOT_JSON));
  }

  @Test
  void aZipThatUnpacksBeyondTheLimitIsRefusedWhileUnpacking() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("feed/manifest.json"));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i <= MispUpload.MAX_BYTES / spaces.length; i++) {
        out.write(spaces);
      }
      out.closeEntry();
    }
    assertThat((long) zip.size()).isLessThan(MispUpload.MAX_BYTES / 100);

    assertThatThrownBy(
            () -> upload.read(List.of(new MispUpload.File("feed.zip", zip.toByteArray()))))
        .isInstanceOfSatisfying(
            MispFormatException.class,
            refused ->
                assertThat(refused.problem().reason()).isEqualTo(MispReason.UPLOAD_TOO_LARGE));
  }

  @Test
  void aZipWithoutJsonFilesIsRefused() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("feed/hashes.csv"));
      out.write("x".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }

    assertThatThrownBy(
            () -> upload.read(List.of(new MispUpload.File("feed.zip", zip.toByteArray()))))
        .isInstanceOfSatisfying(
            MispFormatException.class,
            refused ->
                assertThat(refused.problem().reason()).isEqualTo(MispReason.ZIP_WITHOUT_EVENTS));
  }

  private static byte[] bytes(JsonNode event) {
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }
}
