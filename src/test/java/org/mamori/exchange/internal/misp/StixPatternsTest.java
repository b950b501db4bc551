package org.mamori.exchange.internal.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StixPatternsTest {

  @Test
  void equalityComparisonsJoinedByAndAreReadWithTheirEscapesUndone() {
    List<Observables.Found> found =
        StixPatterns.read(
                "[windows-registry-key:key = 'HKCU\\\\Run\\\\svc' AND"
                    + " windows-registry-key:values[*].data = 'it\\'s here']")
            .orElseThrow();

    assertThat(found)
        .containsExactly(
            new Observables.Found(ObjectPath.parse("windows-registry-key:key"), "HKCU\\Run\\svc"),
            new Observables.Found(
                ObjectPath.parse("windows-registry-key:values[*].data"), "it's here"));
  }

  @Test
  void aReferencesTargetComesFromItsTypeComparisonOrElseFromTheValue() {
    List<Observables.Found> withType =
        StixPatterns.read(
                "[network-traffic:dst_ref.type = 'domain-name'"
                    + " AND network-traffic:dst_ref.value = 'c2.example']")
            .orElseThrow();
    List<Observables.Found> withoutType =
        StixPatterns.read("[network-traffic:dst_ref.value = '203.0.113.9']").orElseThrow();

    assertThat(withType)
        .containsExactly(
            new Observables.Found(
                ObjectPath.parse("network-traffic:dst_ref{domain-name}.value"), "c2.example"));
    assertThat(withoutType)
        .containsExactly(
            new Observables.Found(
                ObjectPath.parse("network-traffic:dst_ref{ip}.value"), "203.0.113.9"));
  }

  @Test
  void hashNamesAndIndexSelectorsReadAsTheUsualPath() {
    assertThat(StixPatterns.read("[(file:hashes.SHA256 = 'ab') AND (file:hashes.'sha-1' = 'cd')]"))
        .contains(
            List.of(
                new Observables.Found(ObjectPath.parse("file:hashes.'SHA-256'"), "ab"),
                new Observables.Found(ObjectPath.parse("file:hashes.'SHA-1'"), "cd")));
    assertThat(StixPatterns.read("[email-message:to_refs[0].value = 'a@b.example']").orElseThrow())
        .extracting(found -> found.path().text())
        .containsExactly("email-message:to_refs[*].value");
  }

  @Test
  void whatMispCannotHoldIsNotRead() {
    for (String pattern :
        List.of(
            "[ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value = '198.51.100.2']",
            "[ipv4-addr:value != '198.51.100.1']",
            "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
            "[file:name LIKE 'invoice%']",
            "[url:value = 'https://a.example/'] AND [url:value = 'https://b.example/']",
            "[url:value = 'https://a.example/'] WITHIN 300 SECONDS",
            "[url:value = 'https://a.example/'",
            "not a pattern")) {
      assertThat(StixPatterns.read(pattern)).as(pattern).isEmpty();
    }
  }
}
