package org.mamori.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.sharing.SharedItems.ItemRef;
import org.mamori.sharing.SharedItems.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-app notices. Written with {@code on conflict do nothing}, not as aggregates: an event
 * delivered twice must add nothing the second time, and a failed insert would abort the listener's
 * whole transaction.
 */
@Component
class Inbox {

  private final JdbcClient jdbc;

  Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the notice unless the person already has one for the happening; its id if added. */
  Optional<UUID> add(Addressed happening, PersonId person, Instant at) {
    return jdbc.sql(
            """
            insert into notification (id, event_key, recipient, organisation_id, kind, variant,
                                      urgent, item_kind, item_id, about_organisation, created_at)
            values (:id, :key, :recipient, :organisation, :kind, :variant, :urgent, :itemKind,
                    :itemId, :about, :at)
            on conflict (event_key, recipient) do nothing
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("key", happening.key())
        .param("recipient", person.value())
        .param("organisation", happening.organisation().value())
        .param("kind", happening.kind().name())
        .param("variant", happening.variant())
        .param("urgent", happening.urgent())
        .param("itemKind", happening.item().kind().name())
        .param("itemId", happening.item().id())
        .param("about", happening.about() == null ? null : happening.about().value())
        .param("at", SqlTime.utc(at))
        .query(UUID.class)
        .optional();
  }

  /**
   * Adds a notice about a situation (always shown: urgent) unless the person already has one for
   * the happening; its id if added.
   */
  Optional<UUID> add(SituationNotice notice, PersonId person, Instant at) {
    return jdbc.sql(
            """
            insert into notification (id, event_key, recipient, organisation_id, kind, variant,
                                      urgent, item_kind, item_id, subject_ja, subject_en,
                                      created_at)
            values (:id, :key, :recipient, :organisation, :kind, :variant, true, 'SITUATION',
                    :situation, :ja, :en, :at)
            on conflict (event_key, recipient) do nothing
            returning id
            """)
        .param("id", UUID.randomUUID())
        .param("key", notice.key())
        .param("recipient", person.value())
        .param("organisation", notice.organisation().value())
        .param("kind", notice.kind().name())
        .param("variant", notice.variant())
        .param("situation", notice.situation())
        .param("ja", notice.subject().ja())
        .param("en", notice.subject().en())
        .param("at", SqlTime.utc(at))
        .query(UUID.class)
        .optional();
  }

  Optional<StoredNotification> find(UUID id) {
    return jdbc.sql("select * from notification where id = :id")
        .param("id", id)
        .query(Inbox::row)
        .optional();
  }

  /** The person's notices, newest first. */
  List<StoredNotification> of(PersonId person, boolean unreadOnly, int offset, int limit) {
    return jdbc.sql(
            """
            select * from notification
            where recipient = :person and (not :unreadOnly or read_at is null)
            order by created_at desc, id
            offset :offset limit :limit
            """)
        .param("person", person.value())
        .param("unreadOnly", unreadOnly)
        .param("offset", offset)
        .param("limit", limit)
        .query(Inbox::row)
        .list();
  }

  /** How many notices the person has not read (a count; it shows nothing of them). */
  long unread(PersonId person) {
    return jdbc.sql(
            "select count(*) from notification where recipient = :person and read_at is null")
        .param("person", person.value())
        .query(Long.class)
        .single();
  }

  /** Marks one of the person's notices read; false if it was read already. */
  boolean markRead(PersonId person, UUID id, Instant at) {
    return jdbc.sql(
                """
                update notification set read_at = :at
                where id = :id and recipient = :person and read_at is null
                """)
            .param("at", SqlTime.utc(at))
            .param("id", id)
            .param("person", person.value())
            .update()
        == 1;
  }

  int markAllRead(PersonId person, Instant at) {
    return jdbc.sql(
            "update notification set read_at = :at where recipient = :person and read_at is null")
        .param("at", SqlTime.utc(at))
        .param("person", person.value())
        .update();
  }

  private static StoredNotification row(ResultSet rs, int n) throws SQLException {
    return new StoredNotification(
        rs.getObject("id", UUID.class),
        new PersonId(rs.getObject("recipient", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        NotificationKind.valueOf(rs.getString("kind")),
        rs.getString("variant"),
        rs.getBoolean("urgent"),
        item(rs.getString("item_kind"), rs.getObject("item_id", UUID.class)),
        situation(rs.getString("item_kind"), rs.getObject("item_id", UUID.class)),
        subject(rs.getString("subject_ja"), rs.getString("subject_en")),
        organisation(rs.getObject("about_organisation", UUID.class)),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        SqlTime.instant(rs.getObject("read_at", OffsetDateTime.class)));
  }

  static @Nullable LocalizedText subject(String ja, String en) {
    return ja.isEmpty() ? null : new LocalizedText(ja, en);
  }

  static @Nullable ItemRef item(String kind, UUID id) {
    return "SITUATION".equals(kind) ? null : new ItemRef(Kind.valueOf(kind), id);
  }

  static @Nullable UUID situation(String kind, UUID id) {
    return "SITUATION".equals(kind) ? id : null;
  }

  private static @Nullable OrganisationId organisation(@Nullable UUID id) {
    return id == null ? null : new OrganisationId(id);
  }
}
