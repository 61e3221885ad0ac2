-- A number that changes whenever the catalog's downloadable variants or their files do, in the
-- same transaction: a process that keeps the variants in memory reads this one row to know
-- whether what it keeps is still current.
CREATE TABLE catalog_stamp (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    version bigint NOT NULL
);
INSERT INTO catalog_stamp (one, version) VALUES (true, 1);

CREATE FUNCTION catalog_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_stamp SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_variants_stamp
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_variants
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_stamp_bump();
CREATE TRIGGER artifacts_stamp
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON artifacts
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_stamp_bump();
