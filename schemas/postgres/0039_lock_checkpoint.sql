-- A checkpoint writer's first step, in one round trip: take the subscriber's writer lock for the
-- rest of the transaction, then read its stored point (none: no row). Every writer of a checkpoint
-- takes it (CheckpointStore.lockForWriting, hub.schedule_delivery_batch), so a batch compares
-- against the point as it stands after the lock, not as it stood when the batch began: in a
-- PL/pgSQL function the read after the lock has a snapshot of its own.
CREATE FUNCTION hub.lock_checkpoint(p_subscriber text)
RETURNS TABLE (transaction_id xid8, log_position bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('hub.checkpoint.' || p_subscriber));
    RETURN QUERY SELECT c.transaction_id, c.log_position FROM hub.checkpoints c WHERE c.subscriber = p_subscriber;
END
$$;

GRANT EXECUTE ON FUNCTION hub.lock_checkpoint(text) TO hub_writer;
