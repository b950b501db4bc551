package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mamori.exchange.internal.stix.StixPattern.Comparison;
import org.mamori.exchange.internal.stix.StixPattern.ComparisonOperator;
import org.mamori.exchange.internal.stix.StixPattern.ConstantKind;
import org.mamori.exchange.internal.stix.StixPattern.Observation;
import org.mamori.exchange.internal.stix.StixPattern.ObservationJoin;
import org.mamori.exchange.internal.stix.StixPattern.ObservationOperator;
import org.mamori.exchange.internal.stix.StixPattern.Qualified;
import org.mamori.exchange.internal.stix.StixPattern.SimpleComparison;
import org.mamori.exchange.internal.stix.StixPattern.StartStop;
import org.mamori.exchange.internal.stix.StixPattern.Within;

class StixPatternTest {

  /**
   * The examples of the STIX 2.1 patterning section (as the OASIS pattern validator keeps them).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:mime_type = 'application/x-pdf']",
        "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) WITHIN 300 SECONDS",
        "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']",
        "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
        "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
        "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
        "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
        "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
        "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
        "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
        "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
        "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
        "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
        "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
        "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
        "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
        "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
        "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
        "([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']",
        "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a69faa']"
      })
  void theSpecificationExamplesParse(String pattern) {
    assertThat(StixPattern.parse(pattern).comparisons()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[file:size = 1280]",
        "[file:size != 1280]",
        "[file:size <> 1280]",
        "[file:size == 1280]",
        "[file:size <= 1024] AND [file:size >= -3]",
        "[file:extended_properties.'ntfs-ext'.sid = '234']",
        "[ipv4addr:value NOT ISSUBSET '192.168.0.1/24']",
        "[file:file_system_properties.file_name LIKE 'name%']",
        "[file:file_name IN ('test.txt', 'test2.exe', 'README')]",
        "[file:size IN (1024, 2048, 4096)]",
        "[file:size IN ()]",
        "[network-connection:extended_properties[0].source_payload MATCHES 'dGVzdHRlc3R0ZXN0']",
        "[x_whatever:detected == t'2018-03-22T12:11:14.1Z']",
        "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
        "[foo:bar=1] REPEATS 9 TIMES",
        "( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])",
        "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']) WITHIN 5 SECONDS WITHIN 6 SECONDS",
        "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
        "[file:hashes[*] = '8665c8d477534008b3058b72e2dae8ae']",
        "[x:flag = true AND x:ratio < +.5 AND x:offset > -0.25 AND x:list[-1] = 'last']",
        "[process:pid = 4 /* the System process */] // and nothing else",
        "[x-mamori:note = 'It\\'s \\\\ here']\u3000",
        "[file:name NOT = 'a' AND file:size NOT > 5 AND EXISTS file:parent_directory_ref]",
        "[x:ANDROID = 1 AND x:INDEX = 'IN']"
      })
  void theGrammarAcceptsEveryFormOfItsConstructs(String pattern) {
    assertThat(StixPattern.parse(pattern).comparisons()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          file:size = 1280                                   | pattern.expected-observation | 1
          [file:size = ]                                     | pattern.expected-value       | 14
          [file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f] | pattern.expected-value     | 20
          [file.size = 1280]                                 | pattern.unexpected           | 6
          [file:name MATCHES /.*\\.dll/]                     | pattern.bad-character        | 20
          [x:key = 'a'] WITHIN ]                             | pattern.unexpected           | 22
          [x:key = 'a'] WITHIN 5 HOURS                       | pattern.unexpected           | 24
          [x:key = 'a'] WITHIN -5 SECONDS                    | pattern.not-positive         | 22
          [x:key = 'a'] WITHIN 0 SECONDS                     | pattern.not-positive         | 22
          [x:key = 'a'] REPEATS 0 TIMES                      | pattern.not-positive         | 23
          [network-traffic:dst_ref.value ISSUBSET ]          | pattern.expected-string      | 41
          [file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f'] | pattern.bad-character   | 19
          [x_whatever:detected == t'2457-73-22T32:81:84.1Z'] | pattern.bad-timestamp        | 25
          [x:created = t'2024-02-30T12:00:00Z']              | pattern.bad-timestamp        | 14
          [x:created = t'2024-01-15T12:30:45']               | pattern.bad-timestamp        | 14
          [artifact:payload_bin = b'====']                   | pattern.bad-binary           | 25
          [file:magic_number_hex = h'ffd']                   | pattern.bad-hex              | 26
          [foo:bar=1] within 2 seconds                       | pattern.after-end            | 13
          [file:hashes.'SHA-256' = 'f00']                    | pattern.bad-hash             | 26
          [x:key = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS    | pattern.duplicate-qualifier  | 32
          ([x:key = 'a'] REPEATS 2 TIMES REPEATS 3 TIMES)    | pattern.duplicate-qualifier  | 32
          [x:key = 'a'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T01:30:00Z' | pattern.stop-before-start | 15
          [x:name = 'unterminated]                           | pattern.unterminated         | 11
          [x:name = 'bad \\n escape']                        | pattern.bad-escape           | 16
          [file:extensions.windows-pebinary-ext.x = 1]       | pattern.hyphen-in-property   | 18
          [file:size > true]                                 | pattern.expected-value       | 14
          [file:name LIKE 5]                                 | pattern.expected-string      | 17
          [file:size = 007]                                  | pattern.bad-number           | 14
          [file:size = 1] AND                                | pattern.unexpected-end       | 20
          [file:size = 1] ]                                  | pattern.after-end            | 17
          [file:size 1]                                      | pattern.expected-operator    | 12
          [:size = 1]                                        | pattern.expected-path        | 2
          [x:a = 1] /* never closed                          | pattern.unterminated         | 11
          [x:a = 1] START t'2016-06-01T01:30:00Z'            | pattern.unexpected-end       | 40
          """)
  void invalidPatternsSayWhatAndWhere(String pattern, String rule, int column) {
    assertThatThrownBy(() -> StixPattern.parse(pattern.strip()))
        .isInstanceOfSatisfying(
            StixPatternException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("exchange.stix." + rule);
              assertThat(e.arguments().get(0)).isEqualTo(Integer.toString(column));
              assertThat(e.position()).isEqualTo(column - 1);
              assertThat(e.getMessage()).contains("position " + column);
            });
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "(".repeat(5_000) + "[x:a = 1]" + ")".repeat(5_000);

    assertThatThrownBy(() -> StixPattern.parse(deep))
        .isInstanceOfSatisfying(
            StixPatternException.class,
            e -> assertThat(e.messageKey()).isEqualTo(StixRule.PATTERN_TOO_DEEP.key));
  }

  @Test
  void longChainsParseWithoutRecursion() {
    String chain = String.join(" OR ", java.util.Collections.nCopies(20_000, "[x:a = 1]"));

    assertThat(StixPattern.parse(chain).comparisons()).hasSize(20_000);
  }

  @Test
  void observationOperatorsBindFollowedByLoosestThenOrThenAnd() {
    StixPattern pattern =
        StixPattern.parse(
            "[a:b = 1] AND [c:d = 2] OR [e:f = 3] FOLLOWEDBY [g:h = 4] WITHIN 5.5 SECONDS");

    ObservationJoin root = (ObservationJoin) pattern.expression();
    assertThat(root.operator()).isEqualTo(ObservationOperator.FOLLOWEDBY);
    ObservationJoin or = (ObservationJoin) root.left();
    assertThat(or.operator()).isEqualTo(ObservationOperator.OR);
    assertThat(((ObservationJoin) or.left()).operator()).isEqualTo(ObservationOperator.AND);
    Qualified qualified = (Qualified) root.right();
    assertThat(qualified.qualifier()).isEqualTo(new Within(new BigDecimal("5.5")));
    assertThat(qualified.observation()).isInstanceOf(Observation.class);
  }

  @Test
  void qualifiersCarryTheirValues() {
    StixPattern pattern =
        StixPattern.parse(
            "[a:b = 1] REPEATS 3 TIMES START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:00:00.5Z'");

    Qualified outer = (Qualified) pattern.expression();
    assertThat(outer.qualifier())
        .isEqualTo(
            new StartStop(
                Instant.parse("2016-06-01T01:30:00Z"), Instant.parse("2016-06-01T02:00:00.5Z")));
    assertThat(((Qualified) outer.observation()).qualifier())
        .isEqualTo(new StixPattern.Repeats(BigInteger.valueOf(3)));
  }

  @Test
  void comparisonsKeepPathOperatorNegationAndConstant() {
    Comparison comparison =
        StixPattern.parse("[file:extensions.'windows-pebinary-ext'.sections[*].entropy NOT > 7.0]")
            .comparisons()
            .get(0);

    assertThat(comparison.path().objectType()).isEqualTo("file");
    assertThat(comparison.path().propertyPath())
        .isEqualTo("extensions.'windows-pebinary-ext'.sections[*].entropy");
    assertThat(comparison.negated()).isTrue();
    assertThat(comparison.operator()).isEqualTo(ComparisonOperator.GREATER);
    assertThat(comparison.value().kind()).isEqualTo(ConstantKind.FLOAT);
    assertThat(comparison.value().text()).isEqualTo("7.0");
  }

  @Test
  void stringsAreUnescaped() {
    Comparison comparison =
        StixPattern.parse("[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\It\\'s']")
            .comparisons()
            .get(0);

    assertThat(comparison.value().text()).isEqualTo("HKEY_LOCAL_MACHINE\\It's");
  }

  @Test
  void simpleComparisonsGiveTheValuesAnIndicatorLooksFor() {
    StixPattern pattern =
        StixPattern.parse(
            "[ipv4-addr:value = '198.51.100.1' OR domain-name:value = 'c2.example'"
                + " OR ipv4-addr:value != '10.0.0.1' OR file:name NOT = 'ok.exe']"
                + " AND [file:hashes.'SHA-256' IN ('"
                + "a".repeat(64)
                + "', '"
                + "b".repeat(64)
                + "')] AND [file:size > 5]");

    assertThat(pattern.simpleComparisons())
        .containsExactly(
            new SimpleComparison("ipv4-addr", "value", "198.51.100.1"),
            new SimpleComparison("domain-name", "value", "c2.example"),
            new SimpleComparison("file", "hashes.'SHA-256'", "a".repeat(64)),
            new SimpleComparison("file", "hashes.'SHA-256'", "b".repeat(64)));
    assertThat(pattern.objectTypes()).containsExactly("domain-name", "file", "ipv4-addr");
  }

  @Test
  void theExamplePatternsOfTheFixturesGiveTheirIndicators() {
    List<SimpleComparison> found =
        StixFixtures.objects(StixFixtures.OASIS_EXAMPLES).stream()
            .filter(object -> object.path("pattern_type").asString("").equals("stix"))
            .flatMap(
                object ->
                    StixPattern.parse(object.path("pattern").asString())
                        .simpleComparisons()
                        .stream())
            .toList();

    assertThat(found)
        .extracting(SimpleComparison::objectType, SimpleComparison::path)
        .contains(
            tuple("ipv4-addr", "value"),
            tuple("domain-name", "value"),
            tuple("file", "hashes.'SHA-256'"),
            tuple("file", "hashes.md5"));
  }
}
