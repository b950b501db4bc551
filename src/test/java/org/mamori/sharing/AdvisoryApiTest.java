package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An organisation's own tool reads advisories and acknowledges receipt with a personal token. */
@MamoriTest
class AdvisoryApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired JsonMapper json;

  String reference;

  @BeforeEach
  void anAdvisoryToTheWaterSector() throws Exception {
    reference =
        AdvisoryRequests.reference(
            mvc.perform(
                AdvisoryRequests.advisory("API で受け取る注意喚起", "AMBER")
                    .param("sectors", AdvisoryRequests.sector(directory, "water"))
                    .param("acknowledgeBy", AdvisoryRequests.inDays(1))
                    .with(
                        SignIn.as(
                            mvc,
                            people.create("national-hub", "relay").email(),
                            TestPeople.PASSWORD))));
  }

  @Test
  void aRecipientsToolListsReadsAndAcknowledgesOnce() throws Exception {
    String token = token("chuo-water-authority", "WRITE");
    JsonNode list = read("/api/advisories?box=RECEIVED", token);
    JsonNode listed = null;
    for (JsonNode advisory : list) {
      if (advisory.get("reference").asString().equals(reference)) {
        listed = advisory;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("awaitingOurAcknowledgement").asBoolean()).isTrue();
    assertThat(listed.get("issuerJa").asString()).isEqualTo("国家サイバー統括室");

    JsonNode advisory = read("/api/advisories/" + reference, token);
    assertThat(advisory.get("title").asString()).isEqualTo("API で受け取る注意喚起");
    assertThat(advisory.get("tlp").asString()).isEqualTo("AMBER");
    assertThat(advisory.get("acknowledgement").get("mayAcknowledge").asBoolean()).isTrue();
    assertThat(advisory.has("status")).isFalse();

    JsonNode acknowledged =
        json.readTree(
            mvc.perform(
                    post("/api/advisories/" + reference + "/acknowledgement")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(acknowledged.get("acknowledgement").has("at")).isTrue();
    assertThat(acknowledged.get("acknowledgement").get("late").asBoolean()).isFalse();

    String again =
        mvc.perform(
                post("/api/advisories/" + reference + "/acknowledgement")
                    .header("Authorization", "Bearer " + token))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json.readTree(again).get("code").asString())
        .isEqualTo("advisory.acknowledge.already");
  }

  @Test
  void aReadOnlyTokenCannotAcknowledge() throws Exception {
    mvc.perform(
            post("/api/advisories/" + reference + "/acknowledgement")
                .header("Authorization", "Bearer " + token("chuo-water-authority", "READ")))
        .andExpect(status().isForbidden());
  }

  @Test
  void anotherSectorsTokenCannotReadOrAcknowledgeIt() throws Exception {
    String token = token("asahino-power", "WRITE");
    mvc.perform(get("/api/advisories/" + reference).header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/advisories/" + reference + "/acknowledgement")
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    assertThat(read("/api/advisories?box=ALL", token).toString()).doesNotContain(reference);
  }

  private JsonNode read(String url, String token) throws Exception {
    return json.readTree(
        mvc.perform(get(url).header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private String token(String organisation, String scope) throws Exception {
    TestPeople.TestPerson person = people.create(organisation, "reporter");
    return Tokens.create(
        mvc,
        SignIn.as(mvc, person.email(), TestPeople.PASSWORD),
        people.organisation(organisation).toString(),
        scope);
  }
}
