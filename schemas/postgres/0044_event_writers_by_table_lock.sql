-- Event writers are known by their lock on hub.events; the statement trigger runs only when it
-- has something to decide.
--
-- 0037 marked every event writer with a shared advisory lock, taken by a PL/pgSQL statement
-- trigger on every INSERT. That trigger cost an append about 5 % of its time (pgbench, one and
-- four clients, 2026-11-24), though nearly every append is a transaction of one statement that
-- has no transaction id yet and so has nothing to decide.
--
-- Every INSERT into hub.events holds RowExclusiveLock on it from before the statement runs (the
-- lock is taken when the statement is planned or its plan is checked) until the transaction ends,
-- so it is a writer for readers from before its transaction id exists. The horizon of the log's
-- readers now counts a transaction as an event writer when it holds that lock or 0037's advisory
-- lock (still taken by hub.enter_event_writing(), for a transaction that must write something else
-- before its first event).
--
-- The rule stays: a transaction that has a transaction id when it first writes an event is
-- refused, for readers may have passed that id while it was not yet a writer. The trigger's WHEN
-- leaves out, without calling any function, a statement that starts without a transaction id (its
-- lock comes first) or in a transaction that has said it writes events. Otherwise the function
-- decides: the transaction may go on when it has stored events already (its first one started
-- without an id), and is refused when it has not.

CREATE FUNCTION hub.events_check_late_writer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM hub.events e WHERE e.transaction_id = pg_current_xact_id()) THEN
        RAISE EXCEPTION 'a transaction that wrote something else may not then append events'
            USING ERRCODE = '55000',
                  HINT = 'append first, or call hub.enter_event_writing() before the transaction''s first write';
    END IF;
    PERFORM set_config('hub.event_writer', 'on', true);
    RETURN NULL;
END
$$;

DROP TRIGGER events_enter_writing ON hub.events;
DROP FUNCTION hub.events_enter_writing();

CREATE TRIGGER events_late_writer BEFORE INSERT ON hub.events
    FOR EACH STATEMENT
    WHEN (pg_current_xact_id_if_assigned() IS NOT NULL
          AND current_setting('hub.event_writer', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION hub.events_check_late_writer();

-- As 0037's, with the table lock as the second sign of a writer. pg_locks reads the backends'
-- fast-path locks (where RowExclusiveLock on a table usually is) before the shared lock table
-- (transaction ids, advisory locks): a writer's sign is read no later than its open transaction
-- id, so a writer that ends in between is seen as a writer or as ended, never as an open
-- non-writer.
CREATE OR REPLACE FUNCTION hub.event_horizon() RETURNS xid8
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (
        WITH snapshot AS MATERIALIZED (
            SELECT pg_current_snapshot() AS snap
        ), locks AS MATERIALIZED (
            SELECT l.locktype, l.transactionid, l.virtualtransaction, l.database
              FROM pg_locks l
             WHERE l.granted AND (l.locktype = 'transactionid'
                   OR (l.locktype = 'advisory' AND l.classid = 4853 AND l.objid = 1 AND l.objsubid = 2)
                   OR (l.locktype = 'relation' AND l.relation = 'hub.events'::regclass AND l.mode = 'RowExclusiveLock'))
        ), open_non_writers AS (
            SELECT t.transactionid
              FROM locks t
             WHERE t.locktype = 'transactionid'
               AND NOT EXISTS (SELECT 1 FROM locks w
                                WHERE w.locktype <> 'transactionid' AND w.virtualtransaction = t.virtualtransaction
                                  AND w.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
        )
        SELECT coalesce(
            (SELECT min(x) FROM snapshot, pg_snapshot_xip(snapshot.snap) AS x
              WHERE xid(x) NOT IN (SELECT transactionid FROM open_non_writers)),
            (SELECT pg_snapshot_xmax(snap) FROM snapshot)));
END
$$;
