-- The event log: one append-only table for every report and every status change.
--
-- position        global order of insertion (gappy: a rolled-back insert leaves a hole)
-- transaction_id  the inserting transaction, for the commit-safe reader (see 0007_read_all.sql)
-- stream_version  gapless per stream, from 1; optimistic concurrency rests on its uniqueness
-- hash            sha256(previous event's hash of the stream || event_digest_input(...))
CREATE TABLE hub.events (
    position        bigint      GENERATED ALWAYS AS IDENTITY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_version  bigint      NOT NULL CHECK (stream_version > 0),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    event_id        uuid        NOT NULL,
    schema_version  integer     NOT NULL CHECK (schema_version > 0),
    stream_id       text        NOT NULL CHECK (stream_id <> ''),
    event_type      text        NOT NULL CHECK (event_type <> ''),
    municipality    text        NOT NULL CHECK (municipality <> ''),
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    hash            bytea       NOT NULL,
    -- The reading order of subscribers (commit-safe, see 0007_read_all.sql) is the key, so
    -- that an append maintains three B-trees, not four.
    CONSTRAINT events_pkey PRIMARY KEY (transaction_id, position),
    CONSTRAINT events_event_id_key UNIQUE (event_id),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
);

-- Looking an event up by its global position is rare (resolving a numeric cursor) and positions
-- grow with the table's physical order: a BRIN index serves it at almost no cost to appends.
CREATE INDEX events_position_brin ON hub.events USING brin (position);
