-- Search at scale (hub bench projections, 1,000,000 reports): the searches "nearest first" and
-- "best address first" read about a page of rows instead of every match.
--
-- GPS: a GiST index on each report's position on a Mercator map answers "nearest first" (KNN,
-- ORDER BY point <-> point LIMIT n). Mercator is conformal, so near a point its planar distances
-- are the true distances times one scale (off by 0.005 % across 500 m at 52°N); the search uses
-- that order only to find how far the page reaches, then sorts the matches within that distance
-- by the exact haversine distance (ReportQueries+Search.swift), so pages are exact.
--
-- Address: the trigram index over a million address keys had to visit every report on a street
-- (10,000 of them) to rank the best twenty. Reports repeat addresses, so the typo-tolerant match
-- now runs over the distinct addresses and postcodes (hub.report_address_terms: 20,000 for the
-- million reports of the benchmark), best first, and per address or postcode its reports come
-- from a b-tree, lowest ids first, no more than the page needs. A report matches when its
-- address or its postcode is like the text asked for (pg_trgm word similarity at its threshold);
-- its similarity is the better of the two. Before, address and postcode were one string.

-- Bind the functions below to pg_trgm's operators wherever its schema is (as 0017 does).
SELECT set_config('search_path', 'hub, ' || quote_ident(n.nspname) || ', pg_catalog', true)
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname = 'pg_trgm';

-- A WGS84 position on a Mercator map, in radians: x the longitude, y the Mercator latitude
-- (asinh(tan φ), finite at the poles, unlike ln(tan(π/4 + φ/2))).
CREATE FUNCTION hub.mercator_point(p_latitude double precision, p_longitude double precision) RETURNS point
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN point(radians(p_longitude), asinh(tan(radians(p_latitude))));

-- hub.box_around (0017) on the Mercator map, latitudes held to ±90°: the index's prefilter.
CREATE FUNCTION hub.mercator_box_around(p_latitude double precision, p_longitude double precision,
                                        p_radius_metres double precision) RETURNS box
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN box(
    hub.mercator_point(least(90, ((hub.box_around(p_latitude, p_longitude, p_radius_metres))[0])[1]),
                       ((hub.box_around(p_latitude, p_longitude, p_radius_metres))[0])[0]),
    hub.mercator_point(greatest(-90, ((hub.box_around(p_latitude, p_longitude, p_radius_metres))[1])[1]),
                       ((hub.box_around(p_latitude, p_longitude, p_radius_metres))[1])[0]));

-- Every distinct address and postcode of the report projection, as written: what the address
-- search matches against (in lower case). Derived from hub.report_projection like its indexes
-- and kept with them (below): filled when they are built, extended by triggers while they
-- exist. A term whose reports moved stays behind; it finds nothing and costs little.
CREATE TABLE hub.report_address_terms (
    term text PRIMARY KEY
);
-- Small and read by index: parallel workers would only add their start-up time to a search.
ALTER TABLE hub.report_address_terms SET (parallel_workers = 0);
GRANT SELECT, INSERT ON hub.report_address_terms TO hub_writer;

-- The statement-level trigger function: the addresses and postcodes of the rows written.
CREATE FUNCTION hub.add_report_address_terms() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO hub.report_address_terms (term)
    SELECT DISTINCT v.term
      FROM written_reports r CROSS JOIN LATERAL (VALUES (r.address), (r.postcode)) AS v (term)
     WHERE v.term <> ''
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

GRANT EXECUTE ON FUNCTION hub.add_report_address_terms() TO hub_writer;

-- The terms like the text asked for (lower case), with their similarity. Through the trigram
-- index always: the planner, pricing pg_trgm's operator like an equality, takes a scan of the
-- whole table for cheaper when the text is long, and it is not (85 ms against 6 ms for 20,000
-- terms). A function with its own setting keeps that to this one scan; it is never inlined.
CREATE FUNCTION hub.report_address_terms_like(p_query text) RETURNS TABLE (term text, similarity real)
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
BEGIN ATOMIC
    SELECT t.term, word_similarity(p_query, lower(t.term)) FROM hub.report_address_terms t
     WHERE p_query <% lower(t.term);
END;

-- Whether a report's address or postcode is like the text asked for (lower case), and how well:
-- for a search in another order that an address narrows.
CREATE FUNCTION hub.report_address_matches(p_query text, p_address text, p_postcode text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN p_query <% lower(coalesce(p_address, '')) OR p_query <% lower(coalesce(p_postcode, ''));

CREATE FUNCTION hub.report_address_similarity(p_query text, p_address text, p_postcode text) RETURNS real
LANGUAGE sql STABLE PARALLEL SAFE
RETURN greatest(word_similarity(p_query, lower(coalesce(p_address, ''))),
                word_similarity(p_query, lower(coalesce(p_postcode, ''))));

GRANT EXECUTE ON FUNCTION hub.mercator_point(double precision, double precision),
    hub.mercator_box_around(double precision, double precision, double precision),
    hub.report_address_terms_like(text), hub.report_address_matches(text, text, text),
    hub.report_address_similarity(text, text, text) TO hub_writer;

-- As in 0018, with the map position and the two address indexes in place of the point index and
-- the trigram index on the address key; then the address terms, filled and kept up to date.
CREATE OR REPLACE FUNCTION hub.create_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_trgm_schema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                            WHERE e.extname = 'pg_trgm');
    v_seqscan text;
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
    -- GPS: nearest first, and the bounding box before the exact distance
    CREATE INDEX IF NOT EXISTS report_projection_map_position
        ON hub.report_projection USING gist (hub.mercator_point(latitude, longitude));
    -- Address search: an address's or a postcode's reports, lowest ids first, each with what
    -- tells which of the two matches better, all from the index (plain columns, not lower():
    -- the planner reads only plain columns from an index alone).
    CREATE INDEX IF NOT EXISTS report_projection_address_term
        ON hub.report_projection (address, report_id) INCLUDE (postcode);
    CREATE INDEX IF NOT EXISTS report_projection_postcode_term
        ON hub.report_projection (postcode, report_id) INCLUDE (address);
    CREATE INDEX IF NOT EXISTS report_external_ids_external_id ON hub.report_external_ids (external_id);
    CREATE INDEX IF NOT EXISTS report_external_ids_report ON hub.report_external_ids (report_id);

    -- From the two indexes just built: a second of reading instead of a pass over the whole
    -- table (a rebuild's COPY FREEZE marks every page all-visible, but only a vacuum tells the
    -- planner so; hence the setting, for this statement only).
    v_seqscan := current_setting('enable_seqscan');
    PERFORM set_config('enable_seqscan', 'off', true);
    INSERT INTO hub.report_address_terms (term)
    SELECT DISTINCT address FROM hub.report_projection WHERE address <> ''
    UNION
    SELECT DISTINCT postcode FROM hub.report_projection WHERE postcode <> ''
    ON CONFLICT DO NOTHING;
    PERFORM set_config('enable_seqscan', v_seqscan, true);
    -- Built after the fill, in one go. Without the fast-update list: new terms are few once the
    -- table is filled, and a search would otherwise read the list whole until a vacuum empties it.
    EXECUTE format('CREATE INDEX IF NOT EXISTS report_address_terms_trigram
                        ON hub.report_address_terms USING gin (lower(term) %I.gin_trgm_ops) WITH (fastupdate = off)',
                   v_trgm_schema);
    -- The searches are planned by these; autovacuum comes too late after a rebuild.
    ANALYZE hub.report_address_terms;
    -- Statement-level, with the written rows as a transition table: one insert per batch of the
    -- projector, whose upsert fires both. (A trigger with a transition table has one event.)
    CREATE OR REPLACE TRIGGER report_address_terms_on_insert
        AFTER INSERT ON hub.report_projection REFERENCING NEW TABLE AS written_reports
        FOR EACH STATEMENT EXECUTE FUNCTION hub.add_report_address_terms();
    CREATE OR REPLACE TRIGGER report_address_terms_on_update
        AFTER UPDATE ON hub.report_projection REFERENCING NEW TABLE AS written_reports
        FOR EACH STATEMENT EXECUTE FUNCTION hub.add_report_address_terms();
END
$$;

-- Also drops the two indexes of 0018 that this migration replaces, and empties the terms: a
-- rebuild loads the table without the triggers and fills the terms at the end.
CREATE OR REPLACE FUNCTION hub.drop_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DROP TRIGGER IF EXISTS report_address_terms_on_insert ON hub.report_projection;
    DROP TRIGGER IF EXISTS report_address_terms_on_update ON hub.report_projection;
    DROP INDEX IF EXISTS hub.report_address_terms_trigram;
    TRUNCATE hub.report_address_terms;
    DROP INDEX IF EXISTS hub.report_projection_municipality_submitted, hub.report_projection_status,
        hub.report_projection_category, hub.report_projection_assigned_party, hub.report_projection_main_report,
        hub.report_projection_involved_parties, hub.report_projection_description_search,
        hub.report_projection_address_search, hub.report_projection_position,
        hub.report_projection_map_position, hub.report_projection_address_term, hub.report_projection_postcode_term,
        hub.report_external_ids_external_id, hub.report_external_ids_report;
END
$$;

DROP INDEX IF EXISTS hub.report_projection_address_search, hub.report_projection_position;
SELECT hub.create_report_projection_indexes();
