-- The report read model: one row per report, folded from its stream by the projector
-- (Sources/Projections). Disposable: `hub projections rebuild` empties and refills it from the log.
--
-- Every column but the documents is there to filter, sort or check access; the documents are
-- what is served (document: the internal view, public_document: what anyone may see).
-- status is the report's OWN internal status; public_status, public_label and open311_status are
-- its own public status too. A merged duplicate shows its main report's public status: the
-- queries take it from the main report's row (hub.report_view), so that every row depends on its
-- own stream only.
CREATE TABLE hub.report_projection (
    report_id            uuid             PRIMARY KEY,
    municipality         text             NOT NULL,
    category             text             NOT NULL,
    channel              text             NOT NULL,
    status               text             NOT NULL,
    public_status        text             NOT NULL,
    public_label         text             NOT NULL,
    open311_status       text             NOT NULL,
    urgency              text             NOT NULL,
    description          text             NOT NULL,
    latitude             double precision NOT NULL,
    longitude            double precision NOT NULL,
    address              text,
    postcode             text,
    -- the party the report is with now (id and display name), or the department handling it
    assigned_party       text,
    assigned_party_name  text,
    assigned_department  text,
    -- every party the report was ever forwarded to: each sees only these reports (rule 4)
    involved_parties     text[]           NOT NULL,
    acknowledge_by       timestamptz,
    resolve_by           timestamptz,
    scheduled_for        timestamptz,
    main_report_id       uuid,
    duplicate_ids        uuid[]           NOT NULL,
    completion_photo_url text,
    -- sha256 (hex) of the reporter's token, from the submission's metadata
    reporter_token_hash  text,
    submitted_at         timestamptz      NOT NULL,
    updated_at           timestamptz      NOT NULL,
    -- the stream version of the last event folded in
    version              bigint           NOT NULL,
    document             jsonb            NOT NULL,
    public_document      jsonb            NOT NULL,
    -- search keys, computed by the database from the columns above
    description_search   tsvector         GENERATED ALWAYS AS (to_tsvector('dutch', description)) STORED,
    address_search       text             GENERATED ALWAYS AS (lower(coalesce(address, '') || ' ' || coalesce(postcode, ''))) STORED
);

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON hub.report_projection TO hub_writer;
