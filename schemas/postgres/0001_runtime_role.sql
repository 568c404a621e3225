-- The least-privilege role of the hub's runtime connections. Operators grant it to the login
-- role in HUB_DATABASE_URL; migrations run as the schema owner (HUB_MIGRATION_DATABASE_URL).
-- Roles are cluster-wide and several databases may migrate at once: tolerate a concurrent create.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hub_writer') THEN
        CREATE ROLE hub_writer NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

GRANT USAGE ON SCHEMA hub TO hub_writer;
