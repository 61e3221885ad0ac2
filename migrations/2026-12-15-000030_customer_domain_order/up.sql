-- The Customers list sorted by domain, either way, walks a partner's customers in domain order
-- from the cursor (as the name order has its own index).
CREATE INDEX customers_partner_domain_idx ON customers (partner_id, primary_domain, id);
