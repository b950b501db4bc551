-- A request's outcomes are kept as one row of lists per stored batch, not a row per object: a POST
-- of thousands of objects wrote as many rows, a large part of the time it took. Rows are read in
-- the order they were written, so an object settled twice reads as its last outcome.
create table taxii_status_outcomes (
  id          bigserial primary key,
  status_id   uuid not null references taxii_status (id) on delete cascade,
  positions   int[] not null,
  object_ids  text[] not null,
  outcomes    text[] not null,
  versions    text[] not null,
  messages    text[] not null
);

create index taxii_status_outcomes_status on taxii_status_outcomes (status_id, id);

insert into taxii_status_outcomes (status_id, positions, object_ids, outcomes, versions, messages)
select status_id, array_agg(position order by position), array_agg(object_id order by position),
       array_agg(outcome order by position), array_agg(version order by position),
       array_agg(message order by position)
  from taxii_status_object
 group by status_id;

drop table taxii_status_object;
