-- Baseline of insert (POST /0/odata/Contact with Name, AccountId, Email): in one transaction, the
-- reference check EclipseLink runs for AccountId (em.find: every column of account by id), then the
-- INSERT of every contact column (unset ones NULL), as seen in the PostgreSQL log:
--   SELECT Id, Address, City, ... FROM Account WHERE (Id = $1)
--   INSERT INTO Contact (Id, AccountId, Address, ...) VALUES ($1, $2, $3, ...)
-- (The server then reads the new record back in a second transaction for the 201 body; that read
-- is not part of this baseline.) run.sh repeats the body 100 times in one transaction for batch100.
\set a random(1, @ACCOUNTS@)
\set n random(1, 1000000000)
BEGIN;
SELECT @ACCOUNT_COLUMNS@ FROM account WHERE (id = (SELECT id FROM bench_account_ids WHERE n = :a));
INSERT INTO contact (@CONTACT_INSERT_COLUMNS@) VALUES (@CONTACT_INSERT_VALUES@);
COMMIT;
