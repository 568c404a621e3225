-- Each report's timeline, one row per event, folded by the projector; disposable like every read
-- model. summary is for the municipality's timeline; public_summary is NULL for what the public
-- may not see (internal notes, contact changes, erasure), and the public timeline shows nothing
-- but public_summary, public_note and photo_url. internal_note holds internal text, and the
-- reporter's own words when reporter_words is set: those are removed when the reporter's
-- personal data is erased, as they are from the report's state.
CREATE TABLE hub.report_history (
    report_id       uuid        NOT NULL,
    stream_version  bigint      NOT NULL,
    municipality    text        NOT NULL,
    -- where the event is in the log's reading order
    transaction_id  xid8        NOT NULL,
    position        bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    event_type      text        NOT NULL,
    actor           text        NOT NULL,
    summary         text        NOT NULL,
    public_summary  text,
    public_note     text,
    internal_note   text,
    photo_url       text,
    reporter_words  boolean     NOT NULL DEFAULT false,
    CONSTRAINT report_history_pkey PRIMARY KEY (report_id, stream_version)
);

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON hub.report_history TO hub_writer;
