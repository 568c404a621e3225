-- A follower's page in one statement: the events after a point that are safe to read, and
-- whether committed events after them are held back by an open event writer. One statement has
-- one snapshot, as the read-only transaction of two statements had, in one round trip instead of
-- four (the delivery scheduler reads a page for every report it delivers; issue 4's latency).
-- The rows are hub.events' columns in table order and `held_back`; a page without events is one
-- row of NULL event columns.
--
-- PL/pgSQL, not SQL: a set-returning SQL function of several parts is planned again at every call
-- (1–2 ms here), while PL/pgSQL keeps its plans for the session. A STABLE function's statements
-- all see the calling statement's snapshot.
CREATE FUNCTION hub.read_page(p_after_transaction xid8, p_after_position bigint, p_limit integer)
RETURNS TABLE (
    "position" bigint, transaction_id xid8, stream_version bigint, recorded_at timestamptz, event_id uuid,
    schema_version integer, stream_id text, event_type text, municipality text, data jsonb, metadata jsonb,
    hash bytea, held_back boolean)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH horizon AS MATERIALIZED (
        SELECT hub.event_horizon() AS below
    ), page AS MATERIALIZED (
        SELECT e.* FROM hub.events e, horizon
         WHERE (e.transaction_id, e.position) > (p_after_transaction, p_after_position)
           AND e.transaction_id < horizon.below
         ORDER BY e.transaction_id, e.position
         LIMIT p_limit
    ), last AS (
        SELECT coalesce((SELECT p.transaction_id FROM page p ORDER BY p.transaction_id DESC, p.position DESC LIMIT 1),
                        p_after_transaction) AS transaction_id,
               coalesce((SELECT p.position FROM page p ORDER BY p.transaction_id DESC, p.position DESC LIMIT 1),
                        p_after_position) AS position
    ), held AS (
        SELECT EXISTS (
            SELECT 1 FROM hub.events e, horizon, last
             WHERE (e.transaction_id, e.position) > (last.transaction_id, last.position)
               AND e.transaction_id >= horizon.below) AS held_back
    )
    SELECT q.* FROM (
        SELECT p.position, p.transaction_id, p.stream_version, p.recorded_at, p.event_id, p.schema_version, p.stream_id,
               p.event_type, p.municipality, p.data, p.metadata, p.hash, held.held_back
          FROM page p, held
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, held.held_back
          FROM held WHERE NOT EXISTS (SELECT 1 FROM page)
    ) q
    ORDER BY q.transaction_id, q.position;
END
$$;

GRANT EXECUTE ON FUNCTION hub.read_page(xid8, bigint, integer) TO hub_writer;
