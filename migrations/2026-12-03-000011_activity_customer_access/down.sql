CREATE INDEX activity_customer_id_idx ON activity (customer_id, id DESC);
