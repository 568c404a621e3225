-- The bytes an event's hash covers, in one fixed text form. Used by the append functions and
-- by `hub verify`, which recomputes sha256(previous hash || these bytes) on its own side.
CREATE FUNCTION hub.event_digest_input(
    p_event_id uuid, p_stream_id text, p_stream_version bigint, p_event_type text,
    p_schema_version integer, p_municipality text, p_data jsonb, p_metadata jsonb,
    p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT convert_to(
        concat_ws(E'\n',
            p_event_id::text, p_stream_id, p_stream_version::text, p_event_type,
            p_schema_version::text, p_municipality, p_data::text, p_metadata::text,
            to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        'UTF8')
$$;
