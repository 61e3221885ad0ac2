DROP TRIGGER artifacts_stamp ON artifacts;
DROP TRIGGER product_variants_stamp ON product_variants;
DROP FUNCTION catalog_stamp_bump();
DROP TABLE catalog_stamp;
