ALTER TABLE activity
    ADD CONSTRAINT activity_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES users(id),
    ADD CONSTRAINT activity_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id),
    ADD CONSTRAINT activity_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders(id),
    ADD CONSTRAINT activity_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners(id),
    ADD CONSTRAINT activity_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id);
