-- Where the hub has read a polled system up to: the cursor of the next page, saved only after
-- every update of the page before it was recorded, so a restart neither misses nor doubles one
-- (a page read twice after a crash applies nothing twice: messages are idempotent).
CREATE TABLE hub.adapter_cursors (
    adapter     text        PRIMARY KEY,
    cursor      text        NOT NULL,
    polled_at   timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON hub.adapter_cursors TO hub_writer;

CREATE FUNCTION hub.save_adapter_cursor(p_adapter text, p_cursor text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hub.adapter_cursors (adapter, cursor, polled_at) VALUES (p_adapter, p_cursor, now())
    ON CONFLICT (adapter) DO UPDATE SET cursor = EXCLUDED.cursor, polled_at = EXCLUDED.polled_at
$$;

GRANT EXECUTE ON FUNCTION hub.save_adapter_cursor(text, text) TO hub_writer;
