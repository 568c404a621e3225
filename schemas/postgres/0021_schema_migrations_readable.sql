-- /health/ready compares the applied migrations with the build's, as the runtime role: it may
-- read the record of what was applied (never change it).
GRANT SELECT ON hub.schema_migrations TO hub_writer;
