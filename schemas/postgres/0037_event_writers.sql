-- Commit-safe reading without waiting for transactions that never write events.
--
-- 0007 holds a reader back at the snapshot's xmin: the oldest transaction still open anywhere in
-- the cluster. That is every open writer: the projector's batch, a delivery being recorded, an
-- inbound message, a test in another database. Each of them held the delivery scheduler back for a
-- few milliseconds at a time, though none of them can ever add an event.
--
-- Now a transaction that writes events says so before it has a transaction id: it takes a shared
-- transaction-level advisory lock (hub.enter_event_writing, called by a statement trigger on
-- hub.events, so every insert does it). A transaction that already has an id when it first writes
-- an event is refused: it might have held an id below events that readers have passed. A reader's
-- horizon is then the oldest transaction of its snapshot that is still open and an event writer,
-- or that has ended since the snapshot (its rows may be invisible to the snapshot yet; read again);
-- an open transaction that is not an event writer can never add an event, and is not waited for.

-- The advisory lock every event writer holds in shared mode (pg_locks: classid 4853, objid 1, objsubid 2).
CREATE FUNCTION hub.enter_event_writing() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hub.event_writer', true) IS DISTINCT FROM 'on' THEN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
            RAISE EXCEPTION 'a transaction that wrote something else may not then append events'
                USING ERRCODE = '55000',
                      HINT = 'append first, or call hub.enter_event_writing() before the transaction''s first write';
        END IF;
        PERFORM pg_advisory_xact_lock_shared(4853, 1);
        PERFORM set_config('hub.event_writer', 'on', true);
    END IF;
END
$$;

CREATE FUNCTION hub.events_enter_writing() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hub.enter_event_writing();
    RETURN NULL;
END
$$;

CREATE TRIGGER events_enter_writing BEFORE INSERT ON hub.events
    FOR EACH STATEMENT EXECUTE FUNCTION hub.events_enter_writing();

-- Below this transaction id every event a reader's snapshot may ever see is visible to it now.
-- PL/pgSQL, not SQL: a SQL function of several parts is not inlined and is planned again at every
-- call (about 0.5 ms, twice per read), while PL/pgSQL keeps its plan for the session. A STABLE
-- function sees the calling statement's snapshot.
CREATE FUNCTION hub.event_horizon() RETURNS xid8
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (
        WITH snapshot AS MATERIALIZED (
            SELECT pg_current_snapshot() AS snap
        ), locks AS MATERIALIZED (
            SELECT l.locktype, l.transactionid, l.virtualtransaction, l.database
              FROM pg_locks l
             WHERE l.granted AND (l.locktype = 'transactionid'
                   OR (l.locktype = 'advisory' AND l.classid = 4853 AND l.objid = 1 AND l.objsubid = 2))
        ), open_non_writers AS (
            SELECT t.transactionid
              FROM locks t
             WHERE t.locktype = 'transactionid'
               AND NOT EXISTS (SELECT 1 FROM locks a
                                WHERE a.locktype = 'advisory' AND a.virtualtransaction = t.virtualtransaction
                                  AND a.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
        )
        SELECT coalesce(
            (SELECT min(x) FROM snapshot, pg_snapshot_xip(snapshot.snap) AS x
              WHERE xid(x) NOT IN (SELECT transactionid FROM open_non_writers)),
            (SELECT pg_snapshot_xmax(snap) FROM snapshot)));
END
$$;

CREATE OR REPLACE FUNCTION hub.read_all(p_after_transaction xid8, p_after_position bigint, p_limit integer)
RETURNS SETOF hub.events
LANGUAGE sql STABLE AS $$
    SELECT * FROM hub.events e
     WHERE (e.transaction_id, e.position) > (p_after_transaction, p_after_position)
       AND e.transaction_id < (SELECT hub.event_horizon())
     ORDER BY e.transaction_id, e.position
     LIMIT p_limit
$$;

-- Followers ask whether anything is held back in the same statement as their read (0038).
DROP FUNCTION hub.events_held_back(xid8, bigint);

GRANT EXECUTE ON FUNCTION hub.enter_event_writing(), hub.event_horizon() TO hub_writer;
