-- Reads the whole log after a position, in commit-safe order.
--
-- The gap problem: `position` comes from a sequence when a row is inserted, not when its
-- transaction commits, so a reader that follows `position` alone can pass a slow transaction's
-- lower position before it commits, and never see it. Here the order is (transaction_id,
-- position) and a reader only takes rows of transactions older than its snapshot's xmin: every
-- transaction below xmin has ended, so no row can later appear before what was read. Writers
-- are never serialised; a long-open transaction only delays readers, it never hides a row.
CREATE FUNCTION hub.read_all(p_after_transaction xid8, p_after_position bigint, p_limit integer)
RETURNS SETOF hub.events
LANGUAGE sql STABLE AS $$
    SELECT * FROM hub.events e
     WHERE (e.transaction_id, e.position) > (p_after_transaction, p_after_position)
       AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.transaction_id, e.position
     LIMIT p_limit
$$;

-- Whether committed events after the given point are held back by an older open transaction:
-- a follower then looks again shortly instead of waiting for the next notification.
CREATE FUNCTION hub.events_held_back(p_after_transaction xid8, p_after_position bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM hub.events e
         WHERE (e.transaction_id, e.position) > (p_after_transaction, p_after_position)
           AND e.transaction_id >= pg_snapshot_xmin(pg_current_snapshot()))
$$;

-- The reading point just after the event at a global position, for cursors given as a number.
CREATE FUNCTION hub.log_point_of(p_position bigint)
RETURNS TABLE (r_transaction_id xid8, r_position bigint)
LANGUAGE sql STABLE AS $$
    SELECT e.transaction_id, e.position FROM hub.events e WHERE e.position = p_position
$$;

-- The last reading point available now: where a follower that only wants new events starts.
CREATE FUNCTION hub.read_all_end()
RETURNS TABLE (r_transaction_id xid8, r_position bigint)
LANGUAGE sql STABLE AS $$
    SELECT e.transaction_id, e.position FROM hub.events e
     WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.transaction_id DESC, e.position DESC
     LIMIT 1
$$;
