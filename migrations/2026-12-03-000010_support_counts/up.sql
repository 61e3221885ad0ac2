-- The support lists say how many requests they hold without counting them: a partner's
-- requests are counted on the partner, and the requests in each status in
-- `support_status_counts`, both kept by the database for every request added, changed or
-- removed however that happens. Writers wait while the counts are filled in.
LOCK TABLE support_requests IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE partners
    ADD COLUMN support_request_count integer NOT NULL DEFAULT 0
        CHECK (support_request_count >= 0);
UPDATE partners p
   SET support_request_count = s.requests
  FROM (SELECT partner_id, count(*) AS requests FROM support_requests GROUP BY partner_id) s
 WHERE p.id = s.partner_id;

CREATE TABLE support_status_counts (
    status   text PRIMARY KEY,
    requests integer NOT NULL CHECK (requests >= 0)
);
-- A row for every status the table allows (a migration adding a status adds its row).
INSERT INTO support_status_counts (status, requests)
SELECT s, (SELECT count(*) FROM support_requests r WHERE r.status = s)
  FROM unnest(ARRAY['new', 'in_review', 'waiting_for_partner', 'approved', 'rejected']) s;

-- Adds `d` requests per status and per partner from the rows of one statement. The rows to
-- change are locked first, counts in status order and partners in id order, so two writers
-- never wait on each other in opposite orders.
-- `FOR NO KEY UPDATE` leaves the partner's row to writers that only refer to it (an order's
-- key check), as the update itself does.
CREATE FUNCTION support_counts_add(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM support_status_counts c
      WHERE c.status IN (SELECT x.status
                           FROM jsonb_to_recordset(changes) AS x(status text, partner_id uuid, d int)
                          GROUP BY x.status HAVING sum(x.d) <> 0)
      ORDER BY c.status FOR NO KEY UPDATE;
    UPDATE support_status_counts c
       SET requests = c.requests + s.d
      FROM (SELECT x.status, sum(x.d) AS d
              FROM jsonb_to_recordset(changes) AS x(status text, partner_id uuid, d int)
             GROUP BY x.status HAVING sum(x.d) <> 0) s
     WHERE c.status = s.status;
    PERFORM 1 FROM partners p
      WHERE p.id IN (SELECT x.partner_id
                       FROM jsonb_to_recordset(changes) AS x(status text, partner_id uuid, d int)
                      GROUP BY x.partner_id HAVING sum(x.d) <> 0)
      ORDER BY p.id FOR NO KEY UPDATE;
    UPDATE partners p
       SET support_request_count = p.support_request_count + s.d
      FROM (SELECT x.partner_id, sum(x.d) AS d
              FROM jsonb_to_recordset(changes) AS x(status text, partner_id uuid, d int)
             GROUP BY x.partner_id HAVING sum(x.d) <> 0) s
     WHERE p.id = s.partner_id;
END $$;

CREATE FUNCTION support_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM support_counts_add(
        (SELECT jsonb_agg(jsonb_build_object('status', status, 'partner_id', partner_id, 'd', 1))
           FROM added));
    RETURN NULL;
END $$;
CREATE TRIGGER support_requests_counted_insert AFTER INSERT ON support_requests
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION support_counts_inserted();

CREATE FUNCTION support_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM support_counts_add(
        (SELECT jsonb_agg(c) FROM (
            SELECT jsonb_build_object('status', status, 'partner_id', partner_id, 'd', 1) AS c
              FROM added
            UNION ALL
            SELECT jsonb_build_object('status', status, 'partner_id', partner_id, 'd', -1)
              FROM gone) changes));
    RETURN NULL;
END $$;
CREATE TRIGGER support_requests_counted_update AFTER UPDATE ON support_requests
    REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION support_counts_updated();

CREATE FUNCTION support_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM support_counts_add(
        (SELECT jsonb_agg(jsonb_build_object('status', status, 'partner_id', partner_id, 'd', -1))
           FROM gone));
    RETURN NULL;
END $$;
CREATE TRIGGER support_requests_counted_delete AFTER DELETE ON support_requests
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
    EXECUTE FUNCTION support_counts_deleted();
