-- Every message a connected system sent in (a webhook or an item of a polled page), kept whole for
-- audit, with what came of it: accepted (its command was applied), ignored (nothing to do), stale
-- (older than an update already applied from that system for that report: it never overwrites
-- newer state) or rejected (with the reason the sender was told). Idempotent on (adapter, message
-- id): a message accepted, ignored or stale once is answered the same way again and applies
-- nothing; a rejected one may be sent again (its cause may have been fixed) and is then retried.
CREATE TABLE hub.inbound_messages (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    adapter       text        NOT NULL,
    message_id    text        NOT NULL,
    via           text        NOT NULL CHECK (via IN ('webhook', 'poll')),
    status        text        NOT NULL CHECK (status IN ('accepted', 'ignored', 'stale', 'rejected')),
    code          text,
    reason        text,
    report_id     uuid,
    their_status  text,
    -- The sender's own time of the update, when its format has one: the order of its updates.
    updated_at    timestamptz,
    payload       text        NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 1,
    UNIQUE (adapter, message_id)
);

-- The newest update applied from a system for a report.
CREATE INDEX inbound_messages_applied ON hub.inbound_messages (adapter, report_id, updated_at)
    WHERE status = 'accepted';
-- The operator's view of rejected messages.
CREATE INDEX inbound_messages_rejected ON hub.inbound_messages (adapter, id) WHERE status = 'rejected';

GRANT SELECT, INSERT, UPDATE ON hub.inbound_messages TO hub_writer;

-- Records a message's outcome; a rejected one received again is overwritten by the new outcome.
-- Returns the row as it stands: for a message already final, its first outcome.
CREATE FUNCTION hub.record_inbound_message(
    p_adapter text, p_message_id text, p_via text, p_status text, p_code text, p_reason text, p_report_id uuid,
    p_their_status text, p_updated_at timestamptz, p_payload text)
RETURNS TABLE (status text, code text, reason text, report_id uuid, first_time boolean)
LANGUAGE sql AS $$
    INSERT INTO hub.inbound_messages AS m (adapter, message_id, via, status, code, reason, report_id, their_status, updated_at, payload)
    VALUES (p_adapter, p_message_id, p_via, p_status, p_code, p_reason, p_report_id, p_their_status, p_updated_at, p_payload)
    ON CONFLICT (adapter, message_id) DO UPDATE
       SET status = EXCLUDED.status, code = EXCLUDED.code, reason = EXCLUDED.reason, report_id = EXCLUDED.report_id,
           their_status = EXCLUDED.their_status, updated_at = EXCLUDED.updated_at, payload = EXCLUDED.payload,
           received_at = now(), attempts = m.attempts + 1
     WHERE m.status = 'rejected'
    RETURNING m.status, m.code, m.reason, m.report_id, m.attempts = 1
$$;

-- A message's recorded outcome, if it is final (accepted, ignored or stale).
CREATE FUNCTION hub.final_inbound_message(p_adapter text, p_message_id text)
RETURNS TABLE (status text, code text, reason text, report_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT m.status, m.code, m.reason, m.report_id FROM hub.inbound_messages m
     WHERE m.adapter = p_adapter AND m.message_id = p_message_id AND m.status <> 'rejected'
$$;

-- When the newest update applied from this system for this report was made (by its own clock).
CREATE FUNCTION hub.last_inbound_update(p_adapter text, p_report_id uuid) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT max(m.updated_at) FROM hub.inbound_messages m
     WHERE m.adapter = p_adapter AND m.report_id = p_report_id AND m.status = 'accepted'
$$;

-- The report a system's own id for it names, from the card index.
CREATE FUNCTION hub.report_by_external_id(p_system text, p_external_id text) RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT x.report_id FROM hub.report_external_ids x WHERE x.system = p_system AND x.external_id = p_external_id
     ORDER BY x.report_id LIMIT 1
$$;

GRANT EXECUTE ON FUNCTION
    hub.record_inbound_message(text, text, text, text, text, text, uuid, text, timestamptz, text),
    hub.final_inbound_message(text, text), hub.last_inbound_update(text, uuid),
    hub.report_by_external_id(text, text) TO hub_writer;
