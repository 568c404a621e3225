-- Where each subscriber has read up to, as a reading point of hub.read_all. Later projections
-- write their checkpoint in the same transaction as their update.
CREATE TABLE hub.checkpoints (
    subscriber      text        PRIMARY KEY,
    transaction_id  xid8        NOT NULL,
    log_position    bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON hub.checkpoints TO hub_writer;

CREATE FUNCTION hub.save_checkpoint(p_subscriber text, p_transaction_id xid8, p_position bigint)
RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hub.checkpoints (subscriber, transaction_id, log_position, updated_at)
    VALUES (p_subscriber, p_transaction_id, p_position, now())
    ON CONFLICT (subscriber) DO UPDATE
       SET transaction_id = EXCLUDED.transaction_id, log_position = EXCLUDED.log_position,
           updated_at = EXCLUDED.updated_at
$$;
