-- The two-sided card index: a report's ids in the systems it passed through — the submission's
-- external reference and every id an event's metadata names (external_ids). An id names one
-- report; when two reports claim it, the earliest claim in the log (transaction_id, position)
-- keeps it, in the live projector and in a rebuild alike.
CREATE TABLE hub.report_external_ids (
    system          text   NOT NULL,
    external_id     text   NOT NULL,
    report_id       uuid   NOT NULL,
    municipality    text   NOT NULL,
    transaction_id  xid8   NOT NULL,
    position        bigint NOT NULL,
    CONSTRAINT report_external_ids_pkey PRIMARY KEY (system, external_id)
);

-- "which report is Z-2026-0042?" without knowing the system
CREATE INDEX report_external_ids_external_id ON hub.report_external_ids (external_id);
CREATE INDEX report_external_ids_report ON hub.report_external_ids (report_id);

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON hub.report_external_ids TO hub_writer;
