package org.mamori.exchange.internal.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvelopeReaderTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void eachObjectKeepsItsTextExactlyAsPosted() {
    String first =
        "{\"type\": \"note\",  \"content\": \"brackets ] } [ { and a \\\"quote\\\" \\\\\","
            + " \"x\": [1, {\"y\": null}]}";
    String second = "{\"type\":\"identity\",\"name\":\"東京電力 ⚡\"}";
    List<PostedObject> objects =
        EnvelopeReader.objects(
            utf8("\n{ \"more\" : false ,\"objects\":[ " + first + " ,\r\n\t" + second + "] }\n"));

    assertThat(objects)
        .extracting(o -> new String(o.json(), StandardCharsets.UTF_8))
        .containsExactly(first, second);
    assertThat(objects.get(0).tree()).isEqualTo(JSON.readTree(first));
    assertThat(objects.get(1).tree().get("name").stringValue()).isEqualTo("東京電力 ⚡");
  }

  @Test
  void theObjectsComeInTheEnvelopesOrderWhateverCoreParsedThem() {
    StringBuilder envelope = new StringBuilder("{\"objects\":[");
    for (int i = 0; i < 5_000; i++) {
      envelope.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append('}');
    }
    List<PostedObject> objects = EnvelopeReader.objects(utf8(envelope.append("]}").toString()));

    assertThat(objects).hasSize(5_000);
    for (int i = 0; i < objects.size(); i++) {
      assertThat(objects.get(i).tree().get("n").asInt()).isEqualTo(i);
    }
  }

  @Test
  void elementsThatAreNotObjectsAreLeftForTheirOwnCheck() {
    List<PostedObject> objects =
        EnvelopeReader.objects(utf8("{\"objects\":[\"text\", 12.50, null, true, [1]]}"));

    assertThat(objects)
        .extracting(PostedObject::tree)
        .extracting(JsonNode::getNodeType)
        .extracting(Enum::name)
        .containsExactly("STRING", "NUMBER", "NULL", "BOOLEAN", "ARRAY");
    assertThat(new String(objects.get(1).json(), StandardCharsets.UTF_8)).isEqualTo("12.50");
  }

  @Test
  void aByteOrderMarkBeforeTheEnvelopeIsAllowed() {
    byte[] text = utf8("{\"objects\":[{\"a\":1}]}");
    byte[] marked = new byte[text.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(text, 0, marked, 3, text.length);

    assertThat(EnvelopeReader.objects(marked)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"objects\":[{\"a\":1}]} trailing",
        "{\"objects\":[{\"a\":1}]}}",
        "{\"objects\":[{\"a\":1}],}",
        "{\"objects\":[{\"a\":1},]}",
        "{\"objects\":[{\"a\":1} {\"b\":2}]}",
        "{\"objects\":[{\"a\":1}] \"more\":true}",
        "{\"objects\" [{\"a\":1}]}",
        "{objects:[{\"a\":1}]}",
        "{\"objects\":[{\"a\":1]}",
        "{\"objects\":[{\"a\":[1}]]}",
        "{\"objects\":[{\"a\":\"unterminated}]}",
        "{\"objects\":[{\"a\":1}], \"more\": tru}",
        "{\"objects\":[{\"a\":1}], \"more\": 1 2}",
        "{\"objects\":[{\"a\":1, \"a\":2}]}",
        "{\"objects\":[{\"a\":{\"b\":1, \"b\":1}}]}",
        "{\"objects\":[{\"a\":1}], \"objects\":[{\"b\":2}]}",
        "{\"objects\":[{\"a\":1}], \"obj\\u0065cts\":[{\"b\":2}]}",
        "{\"objects\":[{\"a\":\"\\x\"}]}",
      })
  void anythingButWellFormedJsonIsRefusedWhole(String body) {
    assertRefused(body, "taxii.error.notJson");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[{\"a\":1}]",
        "\"objects\"",
        "{}",
        "{\"more\":false}",
        "{\"objects\":[]}",
        "{\"objects\":{\"a\":1}}",
        "{\"objects\":null}",
      })
  void jsonThatIsNoEnvelopeOfObjectsIsRefusedSayingSo(String body) {
    assertRefused(body, "taxii.error.envelope");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] body = utf8("{\"objects\":[{\"a\":\"xx\"}]}");
    body[18] = (byte) 0xC3;
    body[19] = (byte) 0x28;

    assertThatThrownBy(() -> EnvelopeReader.objects(body))
        .isInstanceOfSatisfying(
            TaxiiException.class,
            refused -> assertThat(refused.messageKey()).isEqualTo("taxii.error.notJson"));
  }

  private static void assertRefused(String body, String reason) {
    assertThatThrownBy(() -> EnvelopeReader.objects(utf8(body)))
        .as(body)
        .isInstanceOfSatisfying(
            TaxiiException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
              assertThat(refused.messageKey()).isEqualTo(reason);
            });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
