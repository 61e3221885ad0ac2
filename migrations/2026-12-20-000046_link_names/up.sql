-- What "Needs attention" shows of each expiring link, kept on the link as it was when the link
-- was made (the line keeps its product's name the same way, and a customer's name never
-- changes), so that list reads the links alone instead of a purchase and a customer per row.
ALTER TABLE download_links ADD COLUMN product_name text, ADD COLUMN customer_name text;
UPDATE download_links d
   SET product_name = l.product_name, customer_name = c.company_name
  FROM order_lines l, customers c
 WHERE l.id = d.order_line_id AND c.id = d.customer_id;
ALTER TABLE download_links
    ALTER COLUMN product_name SET NOT NULL,
    ALTER COLUMN customer_name SET NOT NULL;

-- The list's whole order, so its pages come off the index already sorted.
DROP INDEX download_links_partner_expiry_idx;
CREATE INDEX download_links_partner_expiry_idx
    ON download_links (partner_id, expires_at, id)
    WHERE revoked_at IS NULL;
