package org.mamori.notify;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What notification tests do again and again: file a report as people do, publish a sharing event
 * as the sharing module does, and wait until the notification module has handled the events about
 * an item.
 */
public final class NotifyScenarios {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private final MockMvc mvc;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  public NotifyScenarios(
      MockMvc mvc,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events) {
    this.mvc = mvc;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  /** Files a first report through the form; its reference. */
  public String file(RequestPostProcessor who, String summary, String tlp) throws Exception {
    return file(report(summary, tlp).with(who));
  }

  /** Files a report on the emergency channel (straight to the national hub too). */
  public String fileEmergency(RequestPostProcessor who, String summary, String tlp)
      throws Exception {
    return file(report(summary, tlp).param("emergency", "true").with(who));
  }

  /** Files a TLP:RED report for its author and the people named by address. */
  public String fileRed(RequestPostProcessor who, String summary, String... named)
      throws Exception {
    return file(report(summary, "RED").param("redRecipients", String.join(",", named)).with(who));
  }

  public UUID reportId(String reference) {
    return jdbc.sql("select id from report where reference = :reference")
        .param("reference", reference)
        .query(UUID.class)
        .single();
  }

  /** Publishes a sharing event in a transaction of its own, as the sharing module does. */
  public void publish(Object event) {
    transaction.executeWithoutResult(status -> events.publishEvent(event));
  }

  /** Waits until the notification module has completed every event published about the item. */
  public void awaitHandled(UUID item) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                jdbc.sql(
                        """
                        select count(*) > 0 and count(*) filter (where completion_date is null) = 0
                        from event_publication
                        where listener_id like 'org.mamori.notify.%'
                          and serialized_event like :item
                        """)
                    .param("item", "%" + item + "%")
                    .query(Boolean.class)
                    .single());
  }

  /** How many in-app notices the person has about the item. */
  public long notifications(PersonId person, UUID item) {
    return jdbc.sql(
            "select count(*) from notification where recipient = :person and item_id = :item")
        .param("person", person.value())
        .param("item", item)
        .query(Long.class)
        .single();
  }

  /** How many e-mails or webhook calls were queued for the recipient about the item. */
  public long deliveries(String channel, UUID recipient, UUID item) {
    return jdbc.sql(
            """
            select count(*) from notify_delivery
            where channel = :channel and recipient = :recipient and item_id = :item
            """)
        .param("channel", channel)
        .param("recipient", recipient)
        .param("item", item)
        .query(Long.class)
        .single();
  }

  private String file(MockHttpServletRequestBuilder request) throws Exception {
    String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
    if (location == null || !location.startsWith("/reports/R")) {
      throw new AssertionError("the report was not filed; redirected to " + location);
    }
    return location.substring("/reports/".length());
  }

  private static MockHttpServletRequestBuilder report(String summary, String tlp) {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    return post("/reports")
        .with(csrf())
        .param("stage", "FIRST")
        .param("summary", summary)
        .param("eventType", "unavailable")
        .param("occurredAt", FIELD.format(now.minusHours(2)))
        .param("detectedAt", FIELD.format(now.minusHours(1)))
        .param("impact", "degraded")
        .param("causes", "unknown")
        .param("tlp", tlp)
        .param("_emergency", "on");
  }
}
