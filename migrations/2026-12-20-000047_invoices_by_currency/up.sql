-- Billing's currency filter: the currencies a partner was ever billed in, one probe each
-- however many months it has, and a currency's invoices newest first.
CREATE INDEX invoices_partner_currency_idx ON invoices (partner_id, currency, month DESC);
