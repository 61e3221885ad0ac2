DROP TABLE request_counts;
DROP TABLE link_refusals;
