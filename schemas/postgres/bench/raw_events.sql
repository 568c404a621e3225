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

-- The floor under any append: the same INSERT into a table with the keys the log's rules need and
-- nothing else (no hash chain, no checks, no trigger, no function). The commit-safe reader's order,
-- the idempotency of event ids and the optimistic concurrency of stream versions each need a
-- B-tree; see 0002_events.sql.
CREATE TABLE hub_bench.keyed_events (
    LIKE hub_bench.raw_events INCLUDING DEFAULTS INCLUDING IDENTITY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (transaction_id, position),
    UNIQUE (event_id),
    UNIQUE (stream_id, stream_version)
);
CREATE INDEX ON hub_bench.keyed_events USING brin (position);

-- The floor under an append that also chains its hash: the same keys, and the stream's head read
-- and the hash computed in the one plain INSERT that stores the event (no function, no trigger,
-- no checks).
CREATE TABLE hub_bench.chained_events (
    LIKE hub_bench.keyed_events INCLUDING ALL,
    hash            bytea       NOT NULL
);
