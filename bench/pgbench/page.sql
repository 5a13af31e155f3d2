-- Baseline of odata-page (GET /0/odata/Contact?$filter=City eq '<city>'&$orderby=Name&$top=50):
--   SELECT Id AS a1, ... FROM Contact WHERE (City = $1) ORDER BY Name ASC, Id ASC LIMIT $2 OFFSET $3
-- The random city comes from bench_cities (the 200 cities of bench/data/cities.tsv).
\set c random(1, @CITIES@)
SELECT @CONTACT_COLUMNS@ FROM contact WHERE (city = (SELECT city FROM bench_cities WHERE n = :c)) ORDER BY name ASC, id ASC LIMIT 50 OFFSET 0;
