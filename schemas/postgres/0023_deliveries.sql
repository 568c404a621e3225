-- Outbound delivery (issue 4). One row per (adapter, event) the adapter's subscription takes:
-- the body as it is sent (rendered once, when the event was scheduled, from the report as it was
-- then), and every fact of its sending. At least once: a row is pending until a 2xx, and dead only
-- after the adapter's retry schedule. Ordered per report: a row is claimed only while no earlier
-- row of the same adapter and report is pending or in flight (hub.claim_deliveries).
CREATE TABLE hub.deliveries (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    adapter          text        NOT NULL,
    event_id         uuid        NOT NULL,
    log_position     bigint      NOT NULL,
    report_id        uuid        NOT NULL,
    stream_version   bigint      NOT NULL,
    event_type       text        NOT NULL,
    -- The Standard Webhooks message id: the same on every attempt, so the receiver can drop repeats.
    webhook_id       text        NOT NULL DEFAULT 'msg_' || replace(gen_random_uuid()::text, '-', ''),
    content_type     text        NOT NULL,
    body             text        NOT NULL,
    state            text        NOT NULL DEFAULT 'pending'
                                 CHECK (state IN ('pending', 'in_flight', 'delivered', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- While in flight: which process holds it, and until when; a process that dies mid-delivery
    -- loses nothing, the row is pending again once its lease has run out.
    claimed_by       text,
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    last_response    text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (adapter, event_id),
    UNIQUE (webhook_id)
);

-- What a worker claims next, per adapter.
CREATE INDEX deliveries_due ON hub.deliveries (adapter, next_attempt_at, id) WHERE state = 'pending';
-- The ordering check: an earlier unfinished row of the same adapter and report.
CREATE INDEX deliveries_unfinished ON hub.deliveries (adapter, report_id, log_position)
    WHERE state IN ('pending', 'in_flight');
-- Leases to take back.
CREATE INDEX deliveries_in_flight ON hub.deliveries (lease_until) WHERE state = 'in_flight';
-- The operator's view: dead letters per adapter, and a report's deliveries.
CREATE INDEX deliveries_dead ON hub.deliveries (adapter, id) WHERE state = 'dead';
CREATE INDEX deliveries_report ON hub.deliveries (report_id, adapter, log_position);

GRANT SELECT, INSERT, UPDATE ON hub.deliveries TO hub_writer;
