package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mamori.directory.Capability;
import org.mamori.directory.MembershipSummary;
import org.mamori.shared.OrganisationId;

/** The small decisions of signing in, without a running Mamori. */
class SignInRulesTest {

  private static final List<MembershipSummary> ADMINISTRATOR =
      List.of(
          new MembershipSummary(
              OrganisationId.random(),
              Set.of("platform-admin"),
              EnumSet.of(Capability.ADMINISTER_PLATFORM, Capability.ADMINISTER_ORGANISATION)));
  private static final List<MembershipSummary> ANALYST =
      List.of(
          new MembershipSummary(
              OrganisationId.random(), Set.of("analyst"), EnumSet.of(Capability.ANALYSE)));

  @Test
  void aPlatformAdministratorOutsideTheDemoMustSetUpTwoStepSignInFirst() {
    assertThat(SignInCompletion.mustSetUpTwoStep(ADMINISTRATOR, false, false)).isTrue();
  }

  @Test
  void aPlatformAdministratorInTheDemoIsOnlyReminded() {
    assertThat(SignInCompletion.mustSetUpTwoStep(ADMINISTRATOR, false, true)).isFalse();
  }

  @Test
  void aPlatformAdministratorWhoGaveACodeIsNotAskedAgain() {
    assertThat(SignInCompletion.mustSetUpTwoStep(ADMINISTRATOR, true, false)).isFalse();
  }

  @Test
  void otherPeopleMayChooseForThemselves() {
    assertThat(SignInCompletion.mustSetUpTwoStep(ANALYST, false, false)).isFalse();
  }

  @Test
  void aTokenComesAsBearerOrAsTheBasicPassword() {
    assertThat(ApiTokenFilter.presented("Bearer mmr_abc")).hasValue("mmr_abc");
    assertThat(ApiTokenFilter.presented("bearer   mmr_abc ")).hasValue("mmr_abc");
    assertThat(ApiTokenFilter.presented("Basic " + base64("anyone:mmr_abc"))).hasValue("mmr_abc");
    assertThat(ApiTokenFilter.presented("Basic " + base64(":mmr_a:b"))).hasValue("mmr_a:b");
    assertThat(ApiTokenFilter.presented("Basic " + base64("no-colon"))).isEmpty();
    assertThat(ApiTokenFilter.presented("Basic !!!")).isEmpty();
    assertThat(ApiTokenFilter.presented("Bearer ")).isEmpty();
    assertThat(ApiTokenFilter.presented("Digest username=x")).isEmpty();
  }

  @Test
  void dismissingTheNoticeReturnsOnlyToAPathOfMamoris() {
    assertThat(TwoStepController.localPath("http://localhost:8080/directory/sectors?lang=en"))
        .isEqualTo("/directory/sectors?lang=en");
    assertThat(TwoStepController.localPath("https://evil.example/phish")).isEqualTo("/phish");
    assertThat(TwoStepController.localPath("http://localhost//evil.example/x")).isEqualTo("/");
    assertThat(TwoStepController.localPath(null)).isEqualTo("/");
    assertThat(TwoStepController.localPath("not a uri")).isEqualTo("/");
  }

  @Test
  void apiTokensAreLongRandomAndStoredAsTheirHash() {
    String secret = SecretTokens.base62(ApiTokenService.SECRET_CHARACTERS);
    assertThat(secret).matches("[0-9A-Za-z]{40}");
    assertThat(SecretTokens.base62(40)).isNotEqualTo(secret);
    // SHA-256 of "abc" (FIPS 180-2 appendix B.1)
    assertThat(SecretTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
