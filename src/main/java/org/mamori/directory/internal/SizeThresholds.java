package org.mamori.directory.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SizeThresholds extends Repository<SizeThreshold, UUID> {

  List<SizeThreshold> findAll();

  @Modifying
  @Query(
      "update size_threshold set sme_max_employees = :employees,"
          + " sme_max_capital_yen = :capital where sector_id is null")
  void setDefault(@Nullable Integer employees, @Nullable Long capital);

  @Modifying
  @Query(
      """
      insert into size_threshold (id, sector_id, sme_max_employees, sme_max_capital_yen)
      values (gen_random_uuid(), :sector, :employees, :capital)
      on conflict (sector_id) do update set sme_max_employees = excluded.sme_max_employees,
        sme_max_capital_yen = excluded.sme_max_capital_yen
      """)
  void setForSector(UUID sector, @Nullable Integer employees, @Nullable Long capital);

  @Modifying
  @Query("delete from size_threshold where sector_id = :sector")
  void followDefault(UUID sector);
}
