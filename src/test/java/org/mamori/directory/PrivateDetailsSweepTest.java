package org.mamori.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operator A's people must not learn operator B's private details through any page or API: every
 * GET endpoint the application registers is called as A, with B's code and identifiers in every
 * path variable, and no response may carry B's contacts, services or people. A new endpoint is
 * swept without anyone remembering to add it here.
 */
@MamoriTest
class PrivateDetailsSweepTest {

  private static final String SECRET_EMAIL = "night-desk-b@secret.example";
  private static final String SECRET_SERVICE = "秘密の浄水系統B";
  private static final String SECRET_PERSON = "秘匿 太郎B";

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void noGetEndpointShowsAnotherOperatorsPrivateDetails() throws Exception {
    String operatorA = operator("sweep-a-");
    String operatorB = operator("sweep-b-");
    UUID organisationB = organisationId(operatorB);
    TestPeople.TestPerson personB = people.create(operatorB, "reporter", "org-admin");
    jdbc.sql("update person set display_name = :name where id = :id")
        .param("name", SECRET_PERSON)
        .param("id", personB.id().value())
        .update();
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    mvc.perform(
        post("/directory/organisations/" + operatorB + "/edit")
            .with(admin)
            .with(csrf())
            .param("nameJa", "掃引テスト事業者B")
            .param("nameEn", "")
            .param("contacts[0].label", "夜間窓口")
            .param("contacts[0].email", SECRET_EMAIL)
            .param("contacts[0].phone", "03-9999-0000")
            .param("services[0].nameJa", SECRET_SERVICE)
            .param("services[0].nameEn", "")
            .param("services[0].sector", sectorOf(operatorB).toString()));
    assertThat(
            mvc.perform(get("/directory/organisations/" + operatorB).with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("the hub sees B's details, so the sweep below can fail")
        .contains(SECRET_EMAIL, SECRET_SERVICE, SECRET_PERSON);

    TestPeople.TestPerson personA = people.create(operatorA, "reporter", "org-admin");
    RequestPostProcessor asA = SignIn.as(mvc, personA.email(), TestPeople.PASSWORD);
    Map<String, String> variables =
        Map.of(
            "code", operatorB,
            "id", organisationB.toString(),
            "organisation", organisationB.toString(),
            "personId", personB.id().toString(),
            "person", personB.id().toString());

    List<String> swept = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        String url = fill(pattern, variables);
        String body =
            mvc.perform(get(url).param("organisation", operatorB).param("q", "掃引テスト").with(asA))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
            .as("GET %s as operator A", url)
            .doesNotContain(SECRET_EMAIL, SECRET_SERVICE, SECRET_PERSON, personB.email());
        swept.add(url);
      }
    }
    assertThat(swept)
        .as("the sweep reached the organisation pages")
        .contains("/directory/organisations/" + operatorB, "/directory/organisations");
  }

  private String operator(String prefix) {
    String code = prefix + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            """
            insert into organisation (id, code, kinds, name_ja, sector_id, created_at, version)
            select gen_random_uuid(), :code, '{OPERATOR}', :name, id, now(), 0
            from sector where code = 'water'
            """)
        .param("code", code)
        .param("name", "掃引テスト " + code)
        .update();
    return code;
  }

  private UUID organisationId(String code) {
    return jdbc.sql("select id from organisation where code = :code")
        .param("code", code)
        .query(UUID.class)
        .single();
  }

  private UUID sectorOf(String code) {
    return jdbc.sql("select sector_id from organisation where code = :code")
        .param("code", code)
        .query(UUID.class)
        .single();
  }

  private static String fill(String pattern, Map<String, String> variables) {
    String url = pattern.replace("/**", "");
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      url = url.replace("{" + variable.getKey() + "}", variable.getValue());
    }
    // Any other variable gets a value that exists nowhere.
    return url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }
}
