-- The crisis-management office (内閣官房 事態対処・危機管理担当) joins the response to a large-scale
-- cyber attack situation; its liaisons and administrators hold the same roles as a ministry's.
insert into organisation (id, code, kinds, name_ja, name_en, country, created_at, version) values
  (gen_random_uuid(), 'cas-crisis', '{CRISIS_MANAGEMENT_OFFICE}', '内閣官房 (事態対処・危機管理担当)',
   'Cabinet Secretariat (Crisis Management)', 'JP', now(), 0);

update role set allowed_kinds = allowed_kinds || '{CRISIS_MANAGEMENT_OFFICE}'
where code in ('relay', 'org-admin');
