CREATE INDEX credits_partner_at_idx ON credits (partner_id, created_at);
CREATE INDEX orders_partner_placed_idx ON orders (partner_id, placed_at);
