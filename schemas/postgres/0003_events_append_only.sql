-- The database itself refuses to change or remove an event, whoever asks: a trigger for every
-- role (even the owner), and privileges so that the runtime role can only read and append.
CREATE FUNCTION hub.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on hub.events is refused', TG_OP
        USING ERRCODE = 'HUB02';
END
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON hub.events
    FOR EACH ROW EXECUTE FUNCTION hub.refuse_event_change();

CREATE TRIGGER events_append_only_truncate
    BEFORE TRUNCATE ON hub.events
    FOR EACH STATEMENT EXECUTE FUNCTION hub.refuse_event_change();

REVOKE ALL ON hub.events FROM PUBLIC;
GRANT SELECT, INSERT ON hub.events TO hub_writer;
