-- The delivery scheduler's whole batch in one statement (one round trip instead of several): take
-- the subscriber's checkpoint lock, compare the stored checkpoint with the one the batch started
-- from, and only then write the deliveries and the new checkpoint. When another process moved the
-- checkpoint, nothing is written and the stored point is returned: the batch is not the next one.
CREATE FUNCTION hub.schedule_delivery_batch(
    p_subscriber text, p_expected_transaction xid8, p_expected_position bigint,
    p_transaction xid8, p_position bigint,
    p_adapters text[], p_event_ids uuid[], p_positions bigint[], p_report_ids uuid[], p_versions bigint[],
    p_types text[], p_content_types text[], p_bodies text[], p_their_id_markers text[])
RETURNS TABLE (r_scheduled integer, r_moved boolean, r_transaction xid8, r_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_transaction xid8;
    v_position    bigint;
BEGIN
    SELECT c.transaction_id, c.log_position INTO v_transaction, v_position FROM hub.lock_checkpoint(p_subscriber) c;
    IF NOT FOUND THEN
        v_transaction := '0';
        v_position := 0;
    END IF;
    IF (v_transaction, v_position) IS DISTINCT FROM (p_expected_transaction, p_expected_position) THEN
        RETURN QUERY SELECT 0, true, v_transaction, v_position;
        RETURN;
    END IF;
    r_scheduled := 0;
    IF cardinality(p_adapters) > 0 THEN
        r_scheduled := hub.schedule_deliveries(p_adapters, p_event_ids, p_positions, p_report_ids, p_versions, p_types,
                                               p_content_types, p_bodies, p_their_id_markers);
    END IF;
    -- Also without deliveries: the checkpoint alone is redone after a crash as easily (0036).
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM hub.save_checkpoint(p_subscriber, p_transaction, p_position);
    RETURN QUERY SELECT r_scheduled, false, p_transaction, p_position;
END
$$;

GRANT EXECUTE ON FUNCTION hub.schedule_delivery_batch(text, xid8, bigint, xid8, bigint, text[], uuid[], bigint[], uuid[],
    bigint[], text[], text[], text[], text[]) TO hub_writer;
