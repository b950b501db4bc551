package org.mamori.sharing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting regimes, and which one each organisation follows. Platform administrators add and
 * change regimes; an organisation's administrators choose its regime. Every change is audited.
 */
@Component
class ReportingRegimes {

  private static final String COLUMNS =
      """
      select code, name_ja, name_en, first_report_minutes, second_report_hours, follow_up_hours,
             final_report_amount, final_report_unit, final_report_from, by_default, display_order
      from reporting_regime
      """;

  /** The largest figure an administrator may type: 10 years in hours, 19 years in minutes. */
  static final int LARGEST = 10_000_000;

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  ReportingRegimes(JdbcClient jdbc, AccessPolicy access, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.access = access;
    this.events = events;
  }

  List<ReportingRegime> all() {
    return jdbc.sql(COLUMNS + " order by display_order, code").query(this::regime).list();
  }

  Optional<ReportingRegime> find(String code) {
    return jdbc.sql(COLUMNS + " where code = :code")
        .param("code", code)
        .query(this::regime)
        .optional();
  }

  /** The regime organisations follow until they choose one. */
  ReportingRegime byDefault() {
    List<ReportingRegime> all = all();
    return all.stream().filter(ReportingRegime::byDefault).findFirst().orElse(all.get(0));
  }

  /** The regime the organisation follows. */
  ReportingRegime of(OrganisationId organisation) {
    return of(List.of(organisation)).get(organisation);
  }

  /** The regime each organisation follows, in two queries whatever the count. */
  Map<OrganisationId, ReportingRegime> of(Collection<OrganisationId> organisations) {
    Map<String, ReportingRegime> byCode = new HashMap<>();
    all().forEach(r -> byCode.put(r.code(), r));
    ReportingRegime fallback = byDefault();
    Map<OrganisationId, ReportingRegime> found = new HashMap<>();
    organisations.forEach(o -> found.put(o, fallback));
    if (!organisations.isEmpty()) {
      jdbc.sql(
              """
              select organisation_id, regime_code from reporting_setting
              where organisation_id = any (cast(:organisations as uuid[])) and regime_code is not null
              """)
          .param(
              "organisations",
              organisations.stream().map(OrganisationId::toString).toArray(String[]::new))
          .query(
              rs -> {
                ReportingRegime chosen = byCode.get(rs.getString("regime_code"));
                if (chosen != null) {
                  found.put(
                      new OrganisationId(rs.getObject("organisation_id", java.util.UUID.class)),
                      chosen);
                }
              });
    }
    return found;
  }

  /** The regime the organisation chose, or null when it follows the default. */
  @Nullable String chosenBy(OrganisationId organisation) {
    return jdbc.sql(
            "select regime_code from reporting_setting where organisation_id = :organisation")
        .param("organisation", organisation.value())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** An organisation's administrator chooses its regime (null: the default). */
  @Transactional
  void choose(Actor by, @Nullable String code) {
    if (!access.can(by, Capability.ADMINISTER_ORGANISATION)) {
      throw new AccessDeniedException("only the organisation's administrators");
    }
    if (code != null && find(code).isEmpty()) {
      throw new SharingRuleViolation("regime.unknown").on("regime");
    }
    String before = chosenBy(by.organisation());
    if (java.util.Objects.equals(before, code)) {
      return;
    }
    jdbc.sql(
            """
            insert into reporting_setting (organisation_id, approval_required, regime_code)
            values (:organisation, false, :regime)
            on conflict (organisation_id) do update set regime_code = excluded.regime_code
            """)
        .param("organisation", by.organisation().value())
        .param("regime", code)
        .update();
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.reporting-regime.chosen",
            "organisation",
            by.organisation().toString(),
            "Reporting regime " + (code == null ? "(default)" : code),
            before == null ? "(default)" : before,
            code == null ? "(default)" : code));
  }

  /** A platform administrator adds a regime. */
  @Transactional
  void add(Actor by, ReportingRegime regime) {
    requireAdministrator(by);
    if (!TaxonomyEditing.CODE.matcher(regime.code()).matches()) {
      throw new SharingRuleViolation("regime.code.invalid").on("code");
    }
    if (find(regime.code()).isPresent()) {
      throw new SharingRuleViolation("regime.code.taken", regime.code()).on("code");
    }
    check(regime);
    if (regime.byDefault()) {
      jdbc.sql("update reporting_regime set by_default = false where by_default").update();
    }
    jdbc.sql(
            """
            insert into reporting_regime (code, name_ja, name_en, first_report_minutes,
              second_report_hours, follow_up_hours, final_report_amount, final_report_unit,
              final_report_from, by_default, display_order)
            values (:code, :ja, :en, :first, :second, :followUp, :finalAmount, :finalUnit,
              :finalFrom, :byDefault, :order)
            """)
        .params(params(regime))
        .update();
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.regime.added",
            "reporting-regime",
            regime.code(),
            "Reporting regime added",
            null,
            regime));
  }

  /** A platform administrator changes a regime; its code stays. */
  @Transactional
  void change(Actor by, ReportingRegime regime) {
    requireAdministrator(by);
    ReportingRegime before =
        find(regime.code())
            .orElseThrow(() -> new SharingRuleViolation("regime.unknown").on("code"));
    check(regime);
    if (before.byDefault() && !regime.byDefault()) {
      throw new SharingRuleViolation("regime.default.keep").on("byDefault");
    }
    if (regime.equals(before)) {
      return;
    }
    if (regime.byDefault()) {
      jdbc.sql("update reporting_regime set by_default = false where by_default and code <> :code")
          .param("code", regime.code())
          .update();
    }
    jdbc.sql(
            """
            update reporting_regime set name_ja = :ja, name_en = :en, first_report_minutes = :first,
              second_report_hours = :second, follow_up_hours = :followUp,
              final_report_amount = :finalAmount, final_report_unit = :finalUnit,
              final_report_from = :finalFrom, by_default = :byDefault, display_order = :order
            where code = :code
            """)
        .params(params(regime))
        .update();
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.regime.changed",
            "reporting-regime",
            regime.code(),
            "Reporting regime changed",
            before,
            regime));
  }

  private static void check(ReportingRegime regime) {
    if (regime.finalReportFrom() == ReportingRegime.From.SECOND_REPORT
        && regime.secondReportHours() == null) {
      throw new SharingRuleViolation("regime.finalFrom.noSecond").on("finalReportFrom");
    }
  }

  private static Map<String, @Nullable Object> params(ReportingRegime regime) {
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("code", regime.code());
    params.put("ja", regime.name().ja().strip());
    params.put("en", regime.name().en().strip());
    params.put("first", regime.firstReportMinutes());
    params.put("second", regime.secondReportHours());
    params.put("followUp", regime.followUpHours());
    params.put("finalAmount", regime.finalReportAmount());
    params.put("finalUnit", regime.finalReportUnit().name());
    params.put("finalFrom", regime.finalReportFrom().name());
    params.put("byDefault", regime.byDefault());
    params.put("order", regime.order());
    return params;
  }

  private ReportingRegime regime(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ReportingRegime(
        rs.getString("code"),
        new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
        rs.getInt("first_report_minutes"),
        rs.getObject("second_report_hours", Integer.class),
        rs.getObject("follow_up_hours", Integer.class),
        rs.getObject("final_report_amount", Integer.class),
        ReportingRegime.Unit.valueOf(rs.getString("final_report_unit")),
        ReportingRegime.From.valueOf(rs.getString("final_report_from")),
        rs.getBoolean("by_default"),
        rs.getInt("display_order"));
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators edit reporting regimes");
    }
  }
}
