-- Trigram matching, for address search that forgives typing errors ("Hengelostraat" finds
-- "Hengelosestraat"). pg_trgm is a trusted extension: the schema owner may create it without
-- being a superuser. Where an operator installed it already, in whatever schema, it stays there;
-- the migrations that use it put that schema on their search_path (see 0012).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA hub;
