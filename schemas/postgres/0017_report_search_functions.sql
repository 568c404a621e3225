-- Helpers of the report search. SQL-standard bodies: parsed once, here, with pg_trgm's schema on
-- the search_path, so they work whatever the caller's search_path is; and simple enough for the
-- planner to inline, so that the indexes of 0013 serve them.
SELECT set_config('search_path', 'hub, ' || quote_ident(n.nspname) || ', pg_catalog', true)
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname = 'pg_trgm';

-- Whether an address key (report_projection.address_search) contains something like the text
-- asked for: pg_trgm's word similarity, at its threshold (pg_trgm.word_similarity_threshold, 0.6).
CREATE FUNCTION hub.address_matches(p_query text, p_address_search text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN p_query <% p_address_search;

-- How well it matches, 0 … 1, for ordering.
CREATE FUNCTION hub.address_similarity(p_query text, p_address_search text) RETURNS real
LANGUAGE sql STABLE PARALLEL SAFE
RETURN word_similarity(p_query, p_address_search);

-- The great-circle distance in metres between two WGS84 positions (haversine, mean earth radius).
CREATE FUNCTION hub.distance_metres(p_latitude1 double precision, p_longitude1 double precision,
                                    p_latitude2 double precision, p_longitude2 double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 2 * 6371008.8 * asin(least(1, sqrt(
           sin(radians(p_latitude2 - p_latitude1) / 2) ^ 2
         + cos(radians(p_latitude1)) * cos(radians(p_latitude2)) * sin(radians(p_longitude2 - p_longitude1) / 2) ^ 2)));

-- A box of (longitude, latitude) points around a position that holds every point within the
-- radius: the GiST index's prefilter before the exact distance. A little larger than needed
-- (1 % and a metre), and whole-world in longitude near the poles.
CREATE FUNCTION hub.box_around(p_latitude double precision, p_longitude double precision, p_radius_metres double precision)
RETURNS box
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN box(
    point(CASE WHEN abs(p_latitude) + (p_radius_metres * 1.01 + 1) / 111194.9 >= 89 THEN -180
               ELSE p_longitude - (p_radius_metres * 1.01 + 1) / (111194.9 * cos(radians(abs(p_latitude) + (p_radius_metres * 1.01 + 1) / 111194.9))) END,
          p_latitude - (p_radius_metres * 1.01 + 1) / 111194.9),
    point(CASE WHEN abs(p_latitude) + (p_radius_metres * 1.01 + 1) / 111194.9 >= 89 THEN 180
               ELSE p_longitude + (p_radius_metres * 1.01 + 1) / (111194.9 * cos(radians(abs(p_latitude) + (p_radius_metres * 1.01 + 1) / 111194.9))) END,
          p_latitude + (p_radius_metres * 1.01 + 1) / 111194.9));

GRANT EXECUTE ON FUNCTION hub.address_matches(text, text), hub.address_similarity(text, text),
    hub.distance_metres(double precision, double precision, double precision, double precision),
    hub.box_around(double precision, double precision, double precision) TO hub_writer;
