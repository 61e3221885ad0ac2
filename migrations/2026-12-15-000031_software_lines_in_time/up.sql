-- The Software tab reads a customer's software lines in time order straight off this index
-- (each line carries its order's time and number), instead of walking the customer's orders
-- and looking up each one's lines.
CREATE INDEX order_lines_customer_software_time_idx
    ON order_lines (customer_id, placed_at DESC, order_id DESC, line_number)
    WHERE family <> 'azure_reservation';
