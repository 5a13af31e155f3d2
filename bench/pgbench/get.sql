-- Baseline of odata-get (GET /0/odata/Contact(<id>)): the statement EclipseLink runs for it, as
-- seen in the PostgreSQL log (columns: every non-binary column of contact, filled in by run.sh):
--   SELECT Id AS a1, CreatedOn AS a2, ... FROM Contact WHERE (Id = $1) ORDER BY Id ASC LIMIT $2 OFFSET $3
-- The random id comes from the numbered helper table bench_ids (a primary-key lookup more).
\set n random(1, @CONTACTS@)
SELECT @CONTACT_COLUMNS@ FROM contact WHERE (id = (SELECT id FROM bench_ids WHERE n = :n)) ORDER BY id ASC LIMIT 1 OFFSET 0;
