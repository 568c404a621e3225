-- What `hub verify` reads: every event of every stream in stream order with the bytes its hash
-- covers, in pages keyed by (stream_id, stream_version). The verifier recomputes the chain
-- itself; nothing here judges it.
CREATE FUNCTION hub.chain_page(p_after_stream text, p_after_version bigint, p_limit integer)
RETURNS TABLE (r_stream_id text, r_stream_version bigint, r_position bigint, r_event_id uuid,
               r_digest_input bytea, r_hash bytea)
LANGUAGE sql STABLE AS $$
    SELECT e.stream_id, e.stream_version, e.position, e.event_id,
           hub.event_digest_input(e.event_id, e.stream_id, e.stream_version, e.event_type,
                                  e.schema_version, e.municipality, e.data, e.metadata, e.recorded_at),
           e.hash
      FROM hub.events e
     WHERE (e.stream_id, e.stream_version) > (p_after_stream, p_after_version)
     ORDER BY e.stream_id, e.stream_version
     LIMIT p_limit
$$;
