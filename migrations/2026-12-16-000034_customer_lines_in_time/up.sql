-- The API's orders list reads a page of a customer's orders as one range of this index: the
-- lines of the page's orders, in the list's order, each with everything the list shows
-- (each line carries its order's time and currency), instead of looking up each order and
-- then each order's lines. The Software tab keeps its partial index: it must not read past a
-- customer's reservations to fill a page.
CREATE INDEX order_lines_customer_time_idx
    ON order_lines (customer_id, placed_at DESC, order_id DESC, line_number)
    INCLUDE (partner_id, product_id, product_name, licence_kind, term_months, quantity,
             quantity_cancelled, unit_price_minor, currency, tax_included, tax_rate_bp,
             credited_minor);
