package org.mamori.exchange;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.TestPeople.TestPerson;
import org.mamori.Tokens;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.test.web.servlet.MockMvc;

/** Collections, members with API tokens, and STIX objects of a test's own. */
final class TaxiiFixtures {

  private final MockMvc mvc;
  private final TestPeople people;
  private final TaxiiCollections collections;

  TaxiiFixtures(MockMvc mvc, TestPeople people, TaxiiCollections collections) {
    this.mvc = mvc;
    this.people = people;
    this.collections = collections;
  }

  /** A person of an organisation and their API token acting for it. */
  record Member(TestPerson person, String organisationCode, String token) {}

  /** A new member of the organisation with a read-and-write token. */
  Member member(String organisationCode, String role) throws Exception {
    return member(organisationCode, role, "WRITE");
  }

  Member member(String organisationCode, String role, String scope) throws Exception {
    TestPerson person = people.create(organisationCode, role);
    String token =
        Tokens.create(
            mvc,
            SignIn.as(mvc, person.email(), TestPeople.PASSWORD),
            people.organisation(organisationCode).toString(),
            scope);
    return new Member(person, organisationCode, token);
  }

  /**
   * A new collection readable by the reader organisations, written by the writers, with the default
   * marking.
   */
  UUID collection(Tlp defaultTlp, Set<String> readers, Set<String> writers) {
    return collections.define(
        Actor.SYSTEM,
        new CollectionDefinition(
            "試験コレクション " + UUID.randomUUID(),
            "",
            null,
            defaultTlp,
            false,
            organisations(readers),
            Set.<SectorId>of(),
            organisations(writers)));
  }

  private Set<OrganisationId> organisations(Set<String> codes) {
    return codes.stream().map(people::organisation).collect(Collectors.toSet());
  }

  /** STIX 2.1 marking-definition ids of the OASIS TLP 2.0 markings. */
  static final String TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

  static final String TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
  static final String TLP_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String TLP_CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

  static String newId(String type) {
    return type + "--" + UUID.randomUUID();
  }

  /** An indicator version: created 2026-01-01, modified as given, with the marking refs. */
  static String indicator(String id, String modified, String... markingRefs) {
    String refs =
        markingRefs.length == 0
            ? ""
            : ",\"object_marking_refs\":["
                + Arrays.stream(markingRefs)
                    .map(r -> "\"" + r + "\"")
                    .collect(Collectors.joining(","))
                + "]";
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",\
        "modified":"%s","name":"試験の指標","pattern":"[ipv4-addr:value = '198.51.100.7']",\
        "pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"%s}"""
        .formatted(id, modified, refs);
  }

  static String envelope(String... objects) {
    return "{\"objects\":[" + String.join(",", objects) + "]}";
  }
}
