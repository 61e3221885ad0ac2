DROP INDEX users_staff_name_idx;
DROP INDEX users_staff_email_idx;
