-- A text contained in a customer's name or domain is the start of one of the suffixes of
-- their search text (lower-cased name, chr(1), lower-cased domain; see
-- `customer_search_text`). Kept here, cut to 24 characters, a search for the customers
-- containing a text is one range of a btree index, whatever the text. The trigram index
-- answered it by decoding the whole list of every trigram of the text: a word most names
-- share ("customer", "ltd", "com") cost it ten times what a rare one did.
CREATE TABLE customer_search_suffixes (
    partner_id uuid NOT NULL,
    suffix text COLLATE "C" NOT NULL,
    customer_id uuid NOT NULL,
    -- A partner's customers (their lists); the key's own index.
    PRIMARY KEY (partner_id, suffix, customer_id)
);

CREATE FUNCTION customer_search_suffixes_of(name text, domain text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
        SELECT DISTINCT left(substr(t, i), 24) COLLATE "C"
          FROM (SELECT lower(name) || chr(1) || lower(domain) AS t) x,
               generate_series(1, char_length(t)) i
    $$;

-- Kept by the database on every write of a customer, whichever code writes it.
CREATE FUNCTION customer_search_suffixes_keep() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM customer_search_suffixes s
             WHERE s.partner_id = OLD.partner_id AND s.customer_id = OLD.id
               AND s.suffix IN (SELECT customer_search_suffixes_of(OLD.company_name, OLD.primary_domain));
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO customer_search_suffixes (partner_id, suffix, customer_id)
            SELECT NEW.partner_id, x, NEW.id
              FROM customer_search_suffixes_of(NEW.company_name, NEW.primary_domain) x;
        END IF;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER customer_search_suffixes_kept
    AFTER INSERT OR DELETE OR UPDATE OF partner_id, company_name, primary_domain ON customers
    FOR EACH ROW EXECUTE FUNCTION customer_search_suffixes_keep();

INSERT INTO customer_search_suffixes (partner_id, suffix, customer_id)
SELECT c.partner_id, x, c.id
  FROM customers c, customer_search_suffixes_of(c.company_name, c.primary_domain) x;

-- Every partner's customers (the support console).
CREATE INDEX customer_search_suffixes_idx ON customer_search_suffixes (suffix, customer_id);
