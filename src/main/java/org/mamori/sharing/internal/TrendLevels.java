package org.mamori.sharing.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sectors' service and verification levels (サービスレベル・検証レベル), kept as data: the one definition a
 * ministry and the hub both count against.
 */
@Repository
class TrendLevels {

  enum Kind {
    /** What the sector's operators aim to keep up. */
    SERVICE,
    /** The line beyond which a failure is verified and counted. */
    VERIFICATION
  }

  /** A sector's levels; null where it has none. */
  record SectorLevels(@Nullable LocalizedText service, @Nullable LocalizedText verification) {}

  private final JdbcClient jdbc;

  TrendLevels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every sector that has a level, by sector id. */
  Map<UUID, SectorLevels> all() {
    Map<UUID, LocalizedText> service = new HashMap<>();
    Map<UUID, LocalizedText> verification = new HashMap<>();
    jdbc.sql("select sector_id, kind, description_ja, description_en from sector_level")
        .query(
            rs -> {
              LocalizedText text =
                  new LocalizedText(rs.getString("description_ja"), rs.getString("description_en"));
              UUID sector = rs.getObject("sector_id", UUID.class);
              if (Kind.valueOf(rs.getString("kind")) == Kind.SERVICE) {
                service.put(sector, text);
              } else {
                verification.put(sector, text);
              }
            });
    Map<UUID, SectorLevels> levels = new HashMap<>();
    service.keySet().forEach(s -> levels.put(s, new SectorLevels(service.get(s), null)));
    verification.forEach((s, text) -> levels.put(s, new SectorLevels(service.get(s), text)));
    return levels;
  }

  /** Sets the sector's level, or removes it when {@code description} is null. */
  void set(UUID sector, Kind kind, @Nullable LocalizedText description) {
    if (description == null) {
      jdbc.sql("delete from sector_level where sector_id = :sector and kind = :kind")
          .param("sector", sector)
          .param("kind", kind.name())
          .update();
      return;
    }
    jdbc.sql(
            """
            insert into sector_level (id, sector_id, kind, description_ja, description_en)
            values (:id, :sector, :kind, :ja, :en)
            on conflict (sector_id, kind)
            do update set description_ja = excluded.description_ja,
                          description_en = excluded.description_en
            """)
        .param("id", UUID.randomUUID())
        .param("sector", sector)
        .param("kind", kind.name())
        .param("ja", description.ja())
        .param("en", description.en())
        .update();
  }
}
