package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.mamori.exchange.internal.mapping.StixMapping;
import org.mamori.sharing.ItemExport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every object Mamori exports, for every released report and every advisory (the demo's, and a
 * three-version report, an advisory and a sanitised release made here), against the OASIS STIX 2.1
 * JSON schemas, each against its own type's schema: the OASIS bundle schema lists neither {@code
 * incident}, {@code note} nor {@code extension-definition} among a bundle's objects, so it would
 * refuse valid bundles. CI runs it with {@code -Pstix-schemas -Dmamori.stix-schemas=<folder>}; the
 * default build leaves it out, so a fresh checkout needs no copy of the schemas.
 */
@MamoriTest
@EnabledIfSystemProperty(named = "mamori.stix-schemas", matches = ".+")
class StixSchemaConformanceTest {

  /** The prefix of the schemas' {@code $id}s, mapped to the local folder (there is no network). */
  private static final String OASIS =
      "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

  private static final Map<String, String> SCHEMA_OF =
      Map.ofEntries(
          Map.entry("marking-definition", "common/marking-definition.json"),
          Map.entry("extension-definition", "common/extension-definition.json"),
          Map.entry("identity", "sdos/identity.json"),
          Map.entry("incident", "sdos/incident.json"),
          Map.entry("report", "sdos/report.json"),
          Map.entry("indicator", "sdos/indicator.json"),
          Map.entry("note", "sdos/note.json"),
          Map.entry("ipv4-addr", "observables/ipv4-addr.json"),
          Map.entry("ipv6-addr", "observables/ipv6-addr.json"),
          Map.entry("domain-name", "observables/domain-name.json"),
          Map.entry("url", "observables/url.json"),
          Map.entry("email-addr", "observables/email-addr.json"),
          Map.entry("file", "observables/file.json"));

  private static SchemaRegistry schemas;
  private static final Map<String, Schema> loaded = new HashMap<>();

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired ItemExport items;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @BeforeAll
  static void schemasAreThere() {
    Path folder = Path.of(System.getProperty("mamori.stix-schemas")).toAbsolutePath();
    if (!Files.isRegularFile(folder.resolve("common/core.json"))) {
      throw new IllegalStateException(
          "mamori.stix-schemas is set, but " + folder + " holds no OASIS STIX 2.1 schemas");
    }
    String local = folder.toUri().toString();
    schemas =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaLoader(
                    loader ->
                        // fetching is on, but every OASIS $id is mapped to the local folder
                        loader
                            .fetchRemoteResources()
                            .schemaIdResolvers(
                                resolvers ->
                                    resolvers.mapPrefix(
                                        OASIS, local.endsWith("/") ? local : local + "/"))));
  }

  @Test
  void everyObjectOfEveryReportAndAdvisoryMeetsTheOasisSchemas() throws Exception {
    StixScenarios scenarios = new StixScenarios(mvc);
    RequestPostProcessor reporter =
        SignIn.as(mvc, people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    RequestPostProcessor ministry = SignIn.as(mvc, SignIn.MINISTRY);
    String report = scenarios.reportWithThreeVersions(reporter, "スキーマ確認", "AMBER");
    List<String> made =
        List.of(
            report,
            scenarios.advisory(ministry, "スキーマ確認の注意喚起"),
            scenarios.sanitisedRelease(ministry, report, "スキーマ確認の公開", directory));

    StixMapping mapping = new StixMapping(json);
    Map<String, ObjectNode> bundles = new LinkedHashMap<>();
    List<String> reports =
        jdbc.sql("select reference from report where submitted_at is not null order by reference")
            .query(String.class)
            .list();
    List<String> advisories =
        jdbc.sql("select reference from advisory order by reference").query(String.class).list();
    reports.forEach(
        r -> bundles.put(r, mapping.bundle(mapping.report(items.report(r).orElseThrow()))));
    advisories.forEach(
        a -> bundles.put(a, mapping.bundle(mapping.advisory(items.advisory(a).orElseThrow()))));
    assertThat(bundles).containsKeys(made.toArray(String[]::new)).hasSizeGreaterThan(100);

    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, ObjectNode> entry : bundles.entrySet()) {
      JsonNode read = json.readTree(json.writeValueAsString(entry.getValue()));
      failures.addAll(envelope(read));
      for (JsonNode object : read.get("objects").values()) {
        String type = object.get("type").asString();
        String schema = SCHEMA_OF.get(type);
        if (schema == null) {
          failures.add(object.get("id").asString() + ": no OASIS schema for type " + type);
          continue;
        }
        failures.addAll(problems(object, schema));
        checked++;
      }
    }
    assertThat(failures).as("objects that do not meet the OASIS schemas").isEmpty();
    assertThat(checked).isGreaterThan(bundles.size());
  }

  /** What the bundle schema asks of the bundle itself. */
  private static List<String> envelope(JsonNode bundle) {
    ObjectNode empty = ((ObjectNode) bundle).deepCopy();
    empty.remove("objects");
    return problems(empty, "common/bundle.json");
  }

  private static List<String> problems(JsonNode object, String schema) {
    Schema validator =
        loaded.computeIfAbsent(schema, s -> schemas.getSchema(SchemaLocation.of(OASIS + s)));
    List<String> found = new ArrayList<>();
    for (Error error : validator.validate(object)) {
      found.add(object.path("id").asString() + " (" + schema + "): " + error.getMessage());
    }
    return found;
  }
}
