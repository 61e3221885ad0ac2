DROP INDEX activity_partner_link_at_idx;
DROP INDEX activity_customer_id_idx;
