package org.mamori.exchange;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Subscriptions made on the admin page, as an administrator makes them, and what they recorded. */
final class Subscribing {

  private final MockMvc mvc;
  private final JdbcClient jdbc;

  Subscribing(MockMvc mvc, JdbcClient jdbc) {
    this.mvc = mvc;
    this.jdbc = jdbc;
  }

  /** The subscription form filled in for a remote collection read with a bearer token. */
  static MockHttpServletRequestBuilder form(
      String remoteCollection, String token, String ceiling, UUID target) {
    return post("/exchange/subscriptions")
        .param("title", "購読 " + UUID.randomUUID())
        .param("url", remoteCollection)
        .param("authKind", "BEARER")
        .param("secret", token)
        .param("pollMinutes", "15")
        .param("ceiling", ceiling)
        .param("targetCollection", target.toString())
        .param("organisation", "minamikawa-water")
        .with(csrf());
  }

  /** Subscribes on the admin page; the new subscription's id. */
  UUID subscribe(RequestPostProcessor admin, MockHttpServletRequestBuilder form) throws Exception {
    String location = mvc.perform(form.with(admin)).andReturn().getResponse().getRedirectedUrl();
    if (location == null || !location.startsWith("/exchange/subscriptions/")) {
      throw new IllegalStateException("the subscription form was refused");
    }
    return UUID.fromString(location.substring("/exchange/subscriptions/".length()));
  }

  /** The subscription's row as stored: high-water mark, counts, errors. */
  java.util.Map<String, Object> state(UUID subscription) {
    return jdbc.sql("select * from taxii_subscription where id = :id")
        .param("id", subscription)
        .query()
        .singleRow();
  }

  java.time.Instant nextPoll(UUID subscription) {
    return jdbc.sql("select next_poll_at from taxii_subscription where id = :id")
        .param("id", subscription)
        .query(java.time.OffsetDateTime.class)
        .single()
        .toInstant();
  }

  /** How many versions of the object the collection holds. */
  long versions(UUID collection, String objectId) {
    return jdbc.sql("select count(*) from stix_object where collection_id = :c and object_id = :o")
        .param("c", collection)
        .param("o", objectId)
        .query(Long.class)
        .single();
  }

  /** How many times the subscription noted receiving a version of the object. */
  long receipts(UUID subscription, String objectId) {
    return jdbc.sql(
            """
            select count(*) from taxii_received r join stix_object o on o.id = r.object_row
             where r.subscription_id = :s and o.object_id = :o
            """)
        .param("s", subscription)
        .param("o", objectId)
        .query(Long.class)
        .single();
  }
}
