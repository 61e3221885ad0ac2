DROP TRIGGER activity_names ON activity;
CREATE TRIGGER activity_names BEFORE INSERT ON activity
    FOR EACH ROW EXECUTE FUNCTION activity_names();
