package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;

/** TLP 2.0 as Mamori applies it, for every kind of reader. */
class TlpReaderTest {

  static final OrganisationId ORIGINATOR = OrganisationId.random();
  static final OrganisationId RECIPIENT = OrganisationId.random();
  static final OrganisationId OTHER = OrganisationId.random();
  static final OrganisationId JOINED = OrganisationId.random();
  static final PersonId NAMED = PersonId.random();
  static final PersonId UNNAMED = PersonId.random();

  @ParameterizedTest(name = "{0}: {1} reads it? {2}")
  @CsvSource({
    "CLEAR,        originator,              true",
    "CLEAR,        other organisation,      true",
    "CLEAR,        former member,           false",
    "GREEN,        other organisation,      true",
    "GREEN,        former member,           false",
    "AMBER,        originator,              true",
    "AMBER,        recipient,               true",
    "AMBER,        other organisation,      false",
    "AMBER,        named person elsewhere,  false",
    "AMBER,        situation reader,        true",
    "AMBER,        situation former member, false",
    "GREEN,        situation reader,        true",
    "AMBER_STRICT, situation reader,        false",
    "RED,          situation reader,        false",
    "AMBER_STRICT, originator,              true",
    "AMBER_STRICT, recipient,               true",
    "AMBER_STRICT, other organisation,      false",
    "RED,          originator,              false",
    "RED,          recipient,               false",
    "RED,          named person elsewhere,  true",
    "RED,          named former member,     false",
  })
  void readers(Tlp tlp, String reader, boolean reads) {
    Disclosure item =
        new Disclosure(ORIGINATOR, tlp, Set.of(RECIPIENT), Set.of(NAMED), Set.of(JOINED));
    assertThat(readerAs(reader).mayRead(item)).isEqualTo(reads);
  }

  @Test
  void aVersionMarkedStricterThanItsCaseIsNotReadByTheCasesAmberReaders() {
    Disclosure amber =
        new Disclosure(ORIGINATOR, Tlp.AMBER, Set.of(RECIPIENT), Set.of(), Set.of(JOINED));
    assertThat(readerAs("situation reader").mayRead(amber)).isTrue();
    assertThat(readerAs("situation reader").mayRead(amber.under(Tlp.AMBER_STRICT))).isFalse();
    assertThat(readerAs("recipient").mayRead(amber.under(Tlp.AMBER_STRICT))).isTrue();
    assertThat(amber.under(Tlp.GREEN)).isSameAs(amber);
  }

  private static TlpReader readerAs(String who) {
    return switch (who) {
      case "originator" -> new TlpReader(new Actor(UNNAMED, ORIGINATOR), true);
      case "recipient" -> new TlpReader(new Actor(UNNAMED, RECIPIENT), true);
      case "other organisation" -> new TlpReader(new Actor(UNNAMED, OTHER), true);
      case "former member" -> new TlpReader(new Actor(UNNAMED, ORIGINATOR), false);
      case "named person elsewhere" -> new TlpReader(new Actor(NAMED, OTHER), true);
      case "named former member" -> new TlpReader(new Actor(NAMED, OTHER), false);
      case "situation reader" -> new TlpReader(new Actor(UNNAMED, JOINED), true);
      case "situation former member" -> new TlpReader(new Actor(UNNAMED, JOINED), false);
      default -> throw new IllegalArgumentException(who);
    };
  }
}
