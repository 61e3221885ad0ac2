-- User management lists a partner's staff a page at a time, by e-mail address or by name.
CREATE INDEX users_staff_email_idx ON users (partner_id, email, id) WHERE kind = 'partner';
CREATE INDEX users_staff_name_idx ON users (partner_id, lower(display_name), id)
    WHERE kind = 'partner';
