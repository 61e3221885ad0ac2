DROP TABLE sign_in_throttle;
DROP TABLE user_sessions;
DROP TABLE user_roles;
DROP TABLE users;
DROP TABLE customers;
DROP TABLE partners;
