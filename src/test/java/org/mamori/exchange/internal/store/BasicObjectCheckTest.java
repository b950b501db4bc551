package org.mamori.exchange.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BasicObjectCheckTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String ID = "indicator--2f3ca95c-0a5b-4c8e-9f46-6f8f3b2d2e11";

  BasicObjectCheck check;

  @BeforeEach
  void setUp() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages_taxii");
    messages.setDefaultEncoding("UTF-8");
    check = new BasicObjectCheck(messages);
    LocaleContextHolder.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void tearDown() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aWellFormedObjectHasNoProblems() {
    assertThat(
            check.problems(
                indicator(
                    "\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-02T00:00:00.000Z\"")))
        .isEmpty();
  }

  @Test
  void anObservableNeedsNeitherCreatedNorModified() {
    assertThat(
            check.problems(
                json(
                    "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"value\":\"198.51.100.3\"}")))
        .isEmpty();
  }

  @Test
  void missingOrMalformedEssentialsAreEachNamed() {
    assertThat(check.problems(json("[]"))).singleElement().asString().contains("JSON object");
    assertThat(
            check.problems(
                json("{\"type\":\"Indicator\",\"spec_version\":\"2.1\",\"id\":\"" + ID + "\"}")))
        .anyMatch(p -> p.contains("type"));
    assertThat(
            check.problems(
                json(
                    "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"malware--2f3ca95c-0a5b-4c8e-9f46-6f8f3b2d2e11\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\"}")))
        .containsExactly("id must read type--UUID (e.g. indicator--2f3ca95c-...).");
    assertThat(check.problems(indicator("\"created\":\"2026-01-01T00:00:00Z\"")))
        .containsExactly("modified is missing.");
    assertThat(
            check.problems(
                indicator("\"created\":\"yesterday\",\"modified\":\"2026-01-01T00:00:00Z\"")))
        .containsExactly("created is not a timestamp, e.g. 2026-04-01T00:00:00.000Z");
    assertThat(
            check.problems(
                indicator(
                    "\"created\":\"2026-01-02T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\"")))
        .containsExactly("modified is earlier than created.");
    assertThat(
            check.problems(
                indicator(
                    "\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\",\"object_marking_refs\":\"marking-definition--x\"")))
        .containsExactly("object_marking_refs must list one or more marking-definition ids.");
    assertThat(
            check.problems(
                json(
                    "{\"type\":\"indicator\",\"id\":\""
                        + ID
                        + "\",\"created\":\"2026-01-01T00:00:00Z\",\"modified\":\"2026-01-01T00:00:00Z\"}")))
        .containsExactly("spec_version must be \"2.1\": Mamori takes STIX 2.1 objects.");
  }

  @Test
  void aMarkingDefinitionHasNoModified() {
    assertThat(
            check.problems(
                json(
                    "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\",\"created\":\"2022-10-01T00:00:00.000Z\",\"name\":\"TLP:GREEN\"}")))
        .isEmpty();
  }

  private static JsonNode indicator(String times) {
    return json(
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + ID + "\"," + times + "}");
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
