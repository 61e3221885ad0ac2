-- Two indexes no statement reads any more, each written by every order or credit: they served
-- the monthly invoice, which read a partner's orders and credits by time until invoices became
-- documents of their own lines (`invoices`, `invoice_lines`). Every list of orders is now read
-- by customer, and credits by their order or line. (On the benchmark data: no scan of either
-- in a whole run of `./setup/bench`, 67 MB and 36 MB.)
DROP INDEX orders_partner_placed_idx;
DROP INDEX credits_partner_at_idx;
