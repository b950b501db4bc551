package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Platform administrators define and change TAXII collections on a page: who may read, who may add,
 * the marking of unmarked objects; refused forms say why and store nothing; everything is audited.
 */
@MamoriTest
class CollectionAdministrationPagesTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void onlyPlatformAdministratorsManageCollections() throws Exception {
    RequestPostProcessor analyst = SignIn.as(mvc, SignIn.ANALYST);

    mvc.perform(get("/exchange/collections").with(analyst)).andExpect(status().isForbidden());
    mvc.perform(get("/exchange/collections/new").with(analyst)).andExpect(status().isForbidden());
    mvc.perform(form("/exchange/collections", "見せない", "").with(analyst))
        .andExpect(status().isForbidden());
    assertThat(count("見せない")).isZero();
  }

  @Test
  void anAdministratorDefinesACollectionThatItsReadersThenSeeOverTaxii() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String title = "水道分野の共有 " + UUID.randomUUID();
    String alias = "water-" + UUID.randomUUID().toString().substring(0, 8);

    mvc.perform(
            form("/exchange/collections", title, alias)
                .param("readerOrganisations", "minamikawa-water\nあさひ野電力㈱")
                .param("writerOrganisations", "minamikawa-water")
                .with(admin))
        .andExpect(redirectedUrl("/exchange/collections"));

    UUID id = collections.idOfAlias(alias).orElseThrow();
    Document list = Pages.get(mvc, admin, "/exchange/collections");
    assertThat(list.select("tr[data-collection-id=" + id + "]").text())
        .contains(title, alias, "TLP:AMBER", "みなみ川町上下水道課", "あさひ野電力㈱");
    assertThat(people.auditEntries("exchange.collection.defined", id.toString())).isEqualTo(1);
    TaxiiFixtures.Member water =
        new TaxiiFixtures(mvc, people, collections).member("minamikawa-water", "reporter");
    TaxiiHttp.Reply reply = new TaxiiHttp(port).get(water.token(), TaxiiHttp.collection(id));
    assertThat(reply.json().get("can_read").asBoolean()).isTrue();
    assertThat(reply.json().get("can_write").asBoolean()).isTrue();
  }

  @Test
  void changingACollectionChangesWhoMayReadIt() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String alias = "change-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
        form("/exchange/collections", "変更前", alias)
            .param("readerOrganisations", "minamikawa-water")
            .with(admin));
    UUID id = collections.idOfAlias(alias).orElseThrow();
    Document edit = Pages.get(mvc, admin, "/exchange/collections/" + id);
    assertThat(edit.select("#readerOrganisations").text()).isEqualTo("minamikawa-water");

    mvc.perform(
            form("/exchange/collections/" + id, "変更後", alias)
                .param("readerOrganisations", "asahino-power")
                .with(admin))
        .andExpect(redirectedUrl("/exchange/collections"));

    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    TaxiiHttp taxii = new TaxiiHttp(port);
    assertThat(
            taxii
                .get(
                    fixtures.member("minamikawa-water", "reporter").token(),
                    TaxiiHttp.collection(id))
                .status())
        .isEqualTo(404);
    assertThat(
            taxii
                .get(fixtures.member("asahino-power", "reporter").token(), TaxiiHttp.collection(id))
                .json()
                .get("title")
                .asString())
        .isEqualTo("変更後");
    assertThat(people.auditEntries("exchange.collection.changed", id.toString())).isEqualTo(1);
  }

  @Test
  void aRefusedFormSaysWhyFieldByFieldAndStoresNothing() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    String taken = "taken-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
        form("/exchange/collections", "先に作った", taken).param("everyone", "true").with(admin));

    Document blank = refused(form("/exchange/collections", "", "").with(admin));
    assertThat(blank.select(".error-summary a[href=#title]")).isNotEmpty();
    assertThat(blank.select(".error-summary").text()).contains("名前を入力してください");

    Document noReaders = refused(form("/exchange/collections", "読む人なし", "").with(admin));
    assertThat(noReaders.select(".error-summary a[href=#everyone]")).isNotEmpty();

    Document clear =
        refused(
            form("/exchange/collections", "公開にしたい", "")
                .param("everyone", "true")
                .param("defaultTlp", "CLEAR")
                .with(admin));
    assertThat(clear.select(".error-summary a[href=#defaultTlp]")).isNotEmpty();

    Document unknown =
        refused(
            form("/exchange/collections", "知らない組織", "")
                .param("readerOrganisations", "no-such-organisation")
                .with(admin));
    assertThat(unknown.select("#readerOrganisations-error").text())
        .contains("no-such-organisation");
    assertThat(unknown.select("#readerOrganisations").text()).isEqualTo("no-such-organisation");

    Document badAlias =
        refused(
            form("/exchange/collections", "別名が変", "Not Valid!")
                .param("everyone", "true")
                .with(admin));
    assertThat(badAlias.select(".error-summary a[href=#alias]")).isNotEmpty();

    Document takenAlias =
        refused(
            form("/exchange/collections", "別名が重複", taken).param("everyone", "true").with(admin));
    assertThat(takenAlias.select("#alias-error").text()).contains(taken);

    assertThat(count("読む人なし") + count("公開にしたい") + count("知らない組織") + count("別名が変") + count("別名が重複"))
        .isZero();
  }

  @Test
  void theTokensPageSaysHowToUseTaxiiAndShowsAdministratorsTheCollections() throws Exception {
    Document admin = Pages.get(mvc, SignIn.as(mvc, SignIn.ADMIN), "/account/tokens");
    Document analyst = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/account/tokens");
    Document operator =
        Pages.get(
            mvc,
            SignIn.as(
                mvc,
                people.create(people.newOperator("water"), "reporter").email(),
                TestPeople.PASSWORD),
            "/account/tokens");

    assertThat(admin.select("#taxii-hint").text()).contains("/taxii2/");
    assertThat(admin.select("#taxii-hint a[href=/exchange/collections]")).isNotEmpty();
    assertThat(analyst.select("#taxii-hint").text()).contains("/taxii2/");
    assertThat(analyst.select("#taxii-hint a[href=/exchange/collections]")).isEmpty();
    // the hub adds to the demo collection all-sectors; a new water utility adds to none
    assertThat(analyst.select("#misp-import-link")).isNotEmpty();
    assertThat(operator.select("#taxii-hint").text()).contains("/taxii2/");
    assertThat(operator.select("#taxii-hint a")).isEmpty();
  }

  private MockHttpServletRequestBuilder form(String url, String title, String alias) {
    return post(url)
        .with(csrf())
        .param("title", title)
        .param("description", "")
        .param("alias", alias)
        .param("defaultTlp", "AMBER");
  }

  private Document refused(MockHttpServletRequestBuilder request) throws Exception {
    return Jsoup.parse(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private long count(String title) {
    return jdbc.sql("select count(*) from taxii_collection where title = :title")
        .param("title", title)
        .query(Long.class)
        .single();
  }
}
