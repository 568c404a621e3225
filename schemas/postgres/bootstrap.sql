-- Run by the migrator before anything else, on every `hub migrate`: the record of what was applied.
CREATE SCHEMA IF NOT EXISTS hub;

CREATE TABLE IF NOT EXISTS hub.schema_migrations (
    version     integer     PRIMARY KEY,
    name        text        NOT NULL,
    checksum    text        NOT NULL,  -- sha256 of the file as applied; a later edit is refused
    applied_at  timestamptz NOT NULL DEFAULT now()
);
