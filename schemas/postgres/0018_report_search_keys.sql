-- Measured on the rebuild (hub bench projections): the two generated search columns of 0012
-- cost more to store during COPY than everything else in the row but the documents, and the
-- documents pushed most rows just past the TOAST threshold, so every row was also written in
-- pieces to the TOAST table. Here the search keys become expressions that only the indexes
-- hold (computed once, when an index is built), and rows are kept whole up to a page.
DROP VIEW hub.report_view;
ALTER TABLE hub.report_projection DROP COLUMN description_search, DROP COLUMN address_search;
ALTER TABLE hub.report_projection SET (toast_tuple_target = 8160);

-- The free-text key of a report: its description with Dutch stemming.
CREATE FUNCTION hub.report_description_key(p_description text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector('dutch', p_description);

-- The address key of a report, for trigram matching: address and postcode, lower case.
CREATE FUNCTION hub.report_address_key(p_address text, p_postcode text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN lower(coalesce(p_address, '') || ' ' || coalesce(p_postcode, ''));

GRANT EXECUTE ON FUNCTION hub.report_description_key(text), hub.report_address_key(text, text) TO hub_writer;

-- The same indexes as 0013 on the new keys, and the card index's secondary indexes as well:
-- a rebuild loads hub.report_external_ids in key order and builds these two afterwards.
CREATE OR REPLACE FUNCTION hub.create_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_trgm_schema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                            WHERE e.extname = 'pg_trgm');
BEGIN
    -- the caller's scope and newest first: the default listing
    CREATE INDEX IF NOT EXISTS report_projection_municipality_submitted
        ON hub.report_projection (municipality, submitted_at DESC, report_id DESC);
    CREATE INDEX IF NOT EXISTS report_projection_status ON hub.report_projection (status);
    CREATE INDEX IF NOT EXISTS report_projection_category ON hub.report_projection (category);
    CREATE INDEX IF NOT EXISTS report_projection_assigned_party ON hub.report_projection (assigned_party);
    CREATE INDEX IF NOT EXISTS report_projection_main_report ON hub.report_projection (main_report_id)
        WHERE main_report_id IS NOT NULL;
    -- rule 4: a party sees the reports it was ever forwarded to
    CREATE INDEX IF NOT EXISTS report_projection_involved_parties
        ON hub.report_projection USING gin (involved_parties);
    -- free text in the description, Dutch stemming
    CREATE INDEX IF NOT EXISTS report_projection_description_search
        ON hub.report_projection USING gin (hub.report_description_key(description));
    -- typo-tolerant address search
    EXECUTE format('CREATE INDEX IF NOT EXISTS report_projection_address_search
                        ON hub.report_projection USING gin (hub.report_address_key(address, postcode) %I.gin_trgm_ops)',
                   v_trgm_schema);
    -- GPS: a bounding box on the built-in point type, then the exact distance (hub.distance_metres)
    CREATE INDEX IF NOT EXISTS report_projection_position
        ON hub.report_projection USING gist (point(longitude, latitude));
    CREATE INDEX IF NOT EXISTS report_external_ids_external_id ON hub.report_external_ids (external_id);
    CREATE INDEX IF NOT EXISTS report_external_ids_report ON hub.report_external_ids (report_id);
END
$$;

CREATE OR REPLACE FUNCTION hub.drop_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP INDEX IF EXISTS hub.report_projection_municipality_submitted, hub.report_projection_status,
        hub.report_projection_category, hub.report_projection_assigned_party, hub.report_projection_main_report,
        hub.report_projection_involved_parties, hub.report_projection_description_search,
        hub.report_projection_address_search, hub.report_projection_position,
        hub.report_external_ids_external_id, hub.report_external_ids_report;
END
$$;

SELECT hub.create_report_projection_indexes();

-- As in 0016, without the dropped columns.
CREATE VIEW hub.report_view AS
SELECT r.*,
       coalesce(m.public_status, r.public_status)     AS shown_public_status,
       coalesce(m.public_label, r.public_label)       AS shown_public_label,
       coalesce(m.open311_status, r.open311_status)   AS shown_open311_status,
       CASE WHEN m.report_id IS NULL THEN r.public_document
            ELSE jsonb_set(r.public_document, '{status}', m.public_document -> 'status') END AS shown_public_document
  FROM hub.report_projection r
  LEFT JOIN hub.report_projection m
         ON r.status = 'merged' AND m.report_id = r.main_report_id AND m.municipality = r.municipality;

GRANT SELECT ON hub.report_view TO hub_writer;
