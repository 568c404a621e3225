-- Reads one stream from a version on, to rebuild one report.
CREATE FUNCTION hub.read_stream(p_stream_id text, p_from_version bigint, p_limit integer)
RETURNS SETOF hub.events
LANGUAGE sql STABLE AS $$
    SELECT * FROM hub.events e
     WHERE e.stream_id = p_stream_id AND e.stream_version >= p_from_version
     ORDER BY e.stream_version
     LIMIT p_limit
$$;
