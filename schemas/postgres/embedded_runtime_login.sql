-- Only for the embedded development cluster: a login role for the hub's runtime connections,
-- with no more rights than hub_writer (SELECT and INSERT on the event log). Not a migration:
-- with an external database the operator creates the login role and grants hub_writer to it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hub') THEN
        CREATE ROLE hub LOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

GRANT hub_writer TO hub;
