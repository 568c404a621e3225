-- The report read model's search indexes, kept in functions so that a rebuild can drop them,
-- load every row with COPY and build them once: building a GIN or GiST index over a full table
-- is several times cheaper than maintaining it row by row (see Sources/Projections/ProjectionRebuild.swift).
-- SECURITY DEFINER, because only the owner may drop and create indexes; the runtime role may
-- only call these two. Both run inside the caller's transaction: a failed rebuild rolls back
-- to the indexes it found.
CREATE FUNCTION hub.create_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
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
        ON hub.report_projection USING gin (description_search);
    -- typo-tolerant address search
    EXECUTE format('CREATE INDEX IF NOT EXISTS report_projection_address_search
                        ON hub.report_projection USING gin (address_search %I.gin_trgm_ops)', v_trgm_schema);
    -- GPS: a bounding box on the built-in point type, then the exact distance (hub.distance_metres)
    CREATE INDEX IF NOT EXISTS report_projection_position
        ON hub.report_projection USING gist (point(longitude, latitude));
END
$$;

CREATE FUNCTION hub.drop_report_projection_indexes() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
AS $$
BEGIN
    DROP INDEX IF EXISTS hub.report_projection_municipality_submitted, hub.report_projection_status,
        hub.report_projection_category, hub.report_projection_assigned_party, hub.report_projection_main_report,
        hub.report_projection_involved_parties, hub.report_projection_description_search,
        hub.report_projection_address_search, hub.report_projection_position;
END
$$;

-- A SECURITY DEFINER function must not trust the caller's search_path.
ALTER FUNCTION hub.create_report_projection_indexes() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION hub.drop_report_projection_indexes() SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION hub.create_report_projection_indexes() FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.drop_report_projection_indexes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.create_report_projection_indexes() TO hub_writer;
GRANT EXECUTE ON FUNCTION hub.drop_report_projection_indexes() TO hub_writer;

SELECT hub.create_report_projection_indexes();
