-- Reports as the queries show them: each row's own columns, and for a merged duplicate the public
-- status of its main report (rule 6), taken from the main report's row, so that every row of
-- hub.report_projection depends on its own stream only. The join stays within a municipality
-- (a report is only ever merged into one of its own municipality), so it co-locates when sharded.
CREATE VIEW hub.report_view AS
SELECT r.*,
       coalesce(m.public_status, r.public_status)     AS shown_public_status,
       coalesce(m.public_label, r.public_label)       AS shown_public_label,
       coalesce(m.open311_status, r.open311_status)   AS shown_open311_status,
       CASE WHEN m.report_id IS NULL THEN r.public_document
            ELSE jsonb_set(r.public_document, '{status}', m.public_document -> 'status') END AS shown_public_document
  FROM hub.report_projection r
  LEFT JOIN hub.report_projection m
         ON r.status = 'merged' AND m.report_id = r.main_report_id AND m.municipality = r.municipality;

GRANT SELECT ON hub.report_view TO hub_writer;
