-- Baseline of ds-select (DataService SelectQuery: Name ascending, Account with its display value,
-- Email, filtered by Account, RowCount 50), the statement EclipseLink runs for it:
--   SELECT t0.Name AS a1, t1.Name AS a2, t0.AccountId AS a3, t0.Email AS a4 FROM Contact t0
--   LEFT OUTER JOIN Account t1 ON (t1.Id = t0.AccountId) WHERE (t0.AccountId = $1)
--   ORDER BY t0.Name ASC, t0.Id ASC LIMIT $2 OFFSET $3
\set a random(1, @ACCOUNTS@)
SELECT t0.name AS a1, t1.name AS a2, t0.accountid AS a3, t0.email AS a4 FROM contact t0 LEFT OUTER JOIN account t1 ON (t1.id = t0.accountid) WHERE (t0.accountid = (SELECT id FROM bench_account_ids WHERE n = :a)) ORDER BY t0.name ASC, t0.id ASC LIMIT 50 OFFSET 0;
