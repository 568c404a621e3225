-- Inbound messages for the operator, newest first, narrowed by adapter and outcome; keyset paged.
-- Rejected ones are the point: what a connected system sent that the hub could not apply, and why.
CREATE FUNCTION hub.list_inbound_messages(p_adapter text, p_status text, p_before_id bigint, p_limit integer)
RETURNS TABLE (id bigint, adapter text, message_id text, via text, status text, code text, reason text,
               report_id uuid, their_status text, updated_at timestamptz, payload text, received_at timestamptz,
               attempts integer)
LANGUAGE sql STABLE AS $$
    SELECT m.id, m.adapter, m.message_id, m.via, m.status, m.code, m.reason, m.report_id, m.their_status,
           m.updated_at, m.payload, m.received_at, m.attempts
      FROM hub.inbound_messages m
     WHERE (p_adapter IS NULL OR m.adapter = p_adapter)
       AND (p_status IS NULL OR m.status = p_status)
       AND (p_before_id IS NULL OR m.id < p_before_id)
     ORDER BY m.id DESC
     LIMIT p_limit
$$;

GRANT EXECUTE ON FUNCTION hub.list_inbound_messages(text, text, bigint, integer) TO hub_writer;
