package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] SHA1_SEED = ascii("12345678901234567890");
  private static final byte[] SHA256_SEED = ascii("12345678901234567890123456789012");
  private static final byte[] SHA512_SEED =
      ascii("1234567890123456789012345678901234567890123456789012345678901234");

  /** RFC 6238 appendix B: time, and the 8-digit TOTP for SHA-1, SHA-256 and SHA-512. */
  @ParameterizedTest
  @CsvSource({
    "59,          94287082, 46119246, 90693936",
    "1111111109,  07081804, 68084774, 25091201",
    "1111111111,  14050471, 67062674, 99943326",
    "1234567890,  89005924, 91819424, 93441116",
    "2000000000,  69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void matchesTheRfc6238TestVectors(long time, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(time));
    assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
  }

  /** RFC 4226 appendix D: the six-digit HOTP values Mamori's codes are made of. */
  @Test
  void matchesTheRfc4226SixDigitValues() {
    String[] expected = {
      "755224", "287082", "359152", "969429", "338314",
      "254676", "287922", "162583", "399871", "520489"
    };
    for (int counter = 0; counter < expected.length; counter++) {
      assertThat(Totp.code(SHA1_SEED, counter)).isEqualTo(expected[counter]);
    }
  }

  @Test
  void acceptsTheCurrentStepAndOneEitherSideButNoFurther() {
    Instant now = Instant.ofEpochSecond(1_234_567_890);
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now)).hasValue(step);
    assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now))
        .hasValue(step - 1);
    assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now))
        .hasValue(step + 1);
    assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
    assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now)).isEmpty();
  }

  @Test
  void toleratesSpacesButNotOtherLengths() {
    Instant now = Instant.ofEpochSecond(59);
    String code = Totp.code(SHA1_SEED, Totp.step(now));
    assertThat(Totp.matchingStep(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now))
        .isPresent();
    assertThat(Totp.matchingStep(SHA1_SEED, code.substring(1), now)).isEmpty();
    assertThat(Totp.matchingStep(SHA1_SEED, "", now)).isEmpty();
  }

  @Test
  void stepsAreThirtySecondsFromTheEpoch() {
    assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
    assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
    assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
  }

  /** RFC 4648 section 10, without the padding authenticator apps do not want. */
  @ParameterizedTest
  @CsvSource({
    "'',''",
    "f,MY",
    "fo,MZXQ",
    "foo,MZXW6",
    "foob,MZXW6YQ",
    "fooba,MZXW6YTB",
    "foobar,MZXW6YTBOI"
  })
  void base32MatchesTheRfc4648TestVectors(String text, String base32) {
    assertThat(Base32.encode(ascii(text))).isEqualTo(base32);
    assertThat(Base32.decode(base32)).isEqualTo(ascii(text));
  }

  @Test
  void base32ReadsTheGroupedFormPeopleCopy() {
    byte[] secret = SecretTokens.randomBytes(TwoStep.SECRET_BYTES);
    String grouped = Base32.grouped(Base32.encode(secret));
    assertThat(grouped).matches("([A-Z2-7]{4} )+[A-Z2-7]{4}");
    assertThat(Base32.decode(grouped.toLowerCase())).isEqualTo(secret);
    assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOtpauthUriNamesIssuerAccountAndSettings() {
    assertThat(TwoStep.otpauthUri("a.b+c@example.jp", "MZXW6YTBOI"))
        .isEqualTo(
            "otpauth://totp/Mamori%3Aa.b%2Bc%40example.jp?secret=MZXW6YTBOI&issuer=Mamori"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
