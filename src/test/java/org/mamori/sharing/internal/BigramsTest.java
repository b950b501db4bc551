package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BigramsTest {

  @Test
  void aWordInsideJapaneseTextIsFoundByItsPairs() {
    assertThat(Bigrams.of("広域停電により配水が停止")).containsAll(Bigrams.query("停電"));
    assertThat(Bigrams.of("広域停電により配水が停止")).doesNotContainAnyElementsOf(Bigrams.query("断水"));
  }

  @Test
  void oneCharacterQueriesAndLatinWordsWork() {
    assertThat(Bigrams.query("停")).containsExactly("停");
    assertThat(Bigrams.of("停電")).contains("停");
    assertThat(Bigrams.of("VPN装置のCVE-2024-3400")).contains("vpn", "cve", "2024", "3400", "装置");
  }

  @Test
  void fullWidthAndHalfWidthFormsMatchTheirUsualOnes() {
    assertThat(Bigrams.of("ＶＰＮ機器とｻｰﾊﾞ")).containsAll(Bigrams.query("vpn"));
    assertThat(Bigrams.of("ＶＰＮ機器とｻｰﾊﾞ")).containsAll(Bigrams.query("サーバ"));
  }
}
