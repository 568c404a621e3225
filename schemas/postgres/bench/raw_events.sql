-- `hub bench append`'s baseline: a plain table with the same payload as hub.events and only a
-- primary key, written with plain INSERTs. Recreated on every run.
DROP SCHEMA IF EXISTS hub_bench CASCADE;
CREATE SCHEMA hub_bench;
CREATE TABLE hub_bench.raw_events (
    position        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    event_id        uuid        NOT NULL,
    stream_version  bigint      NOT NULL,
    schema_version  integer     NOT NULL,
    stream_id       text        NOT NULL,
    event_type      text        NOT NULL,
    municipality    text        NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL
);
