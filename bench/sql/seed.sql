-- Seeds the benchmark database after Liquibase has created the schema (bench/run.sh runs it with
-- psql as the application's role). Set-based and deterministic: every value is derived from the
-- row number through hashint4, so two runs produce the same data (apart from the timestamps,
-- which are relative to now). Expects the psql variables
--   accounts  number of accounts (20000)        contacts  number of contacts (100000)
--   owner     the Supervisor's contact id (OwnerId, CreatedById, ModifiedById of every row)
-- and the table bench_cities(n, city, country) filled from bench/data/cities.tsv.
\set ON_ERROR_STOP on
\timing off

BEGIN;

-- Pseudo-random but repeatable: h(g, salt) is a non-negative int derived from g.
CREATE FUNCTION pg_temp.h(g int, salt int) RETURNS int LANGUAGE sql IMMUTABLE
  AS $$ SELECT hashint8(g::bigint * 1000003 + salt) & 2147483647 $$;

CREATE TEMP TABLE first_names (i int PRIMARY KEY, name text NOT NULL);
INSERT INTO first_names
SELECT ord - 1, name FROM unnest(ARRAY[
  'James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William','Elizabeth',
  'David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen',
  'Christopher','Nancy','Daniel','Lisa','Matthew','Betty','Anthony','Margaret','Mark','Sandra',
  'Donald','Ashley','Steven','Kimberly','Paul','Emily','Andrew','Donna','Joshua','Michelle',
  'Kenneth','Dorothy','Kevin','Carol','Brian','Amanda','George','Melissa','Edward','Deborah',
  'Ronald','Stephanie','Timothy','Rebecca','Jason','Sharon','Jeffrey','Laura','Ryan','Cynthia',
  'Jacob','Kathleen','Gary','Amy','Nicholas','Shirley','Eric','Angela','Jonathan','Helen',
  'Stephen','Anna','Larry','Brenda','Justin','Pamela','Scott','Nicole','Brandon','Emma',
  'Lukas','Sofia','Jan','Eva','Pieter','Anke','Lars','Ingrid','Matteo','Giulia',
  'Pierre','Camille','Javier','Lucia','Tomasz','Agnieszka','Mikko','Aino','Sean','Aoife'
]) WITH ORDINALITY AS t(name, ord);

CREATE TEMP TABLE last_names (i int PRIMARY KEY, name text NOT NULL);
INSERT INTO last_names
SELECT ord - 1, name FROM unnest(ARRAY[
  'Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
  'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin',
  'Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson',
  'Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores',
  'Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts',
  'Muller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
  'de Jong','Jansen','de Vries','van den Berg','Bakker','Visser','Smit','Meijer','Mulder','de Boer',
  'Dubois','Durand','Leroy','Moreau','Laurent','Rossi','Russo','Ferrari','Esposito','Bianchi',
  'Nowak','Kowalski','Wisniewski','Andersson','Johansson','Karlsson','Nielsen','Hansen','Virtanen','Korhonen',
  'Murphy','Kelly','O''Brien','Byrne','Ryan','Silva','Santos','Ferreira','Novak','Svoboda'
]) WITH ORDINALITY AS t(name, ord);

CREATE TEMP TABLE company_words (i int PRIMARY KEY, word text NOT NULL);
INSERT INTO company_words
SELECT ord - 1, word FROM unnest(ARRAY[
  'Northwind','Contoso','Fabrikam','Tailspin','Wingtip','Adventure','Blue Yonder','Coho','Litware','Proseware',
  'Alpine','Harbor','Summit','Pioneer','Granite','Silverline','Redwood','Evergreen','Bright','Nova',
  'Atlas','Vertex','Orbit','Keystone','Lighthouse','Meridian','Horizon','Cascade','Sterling','Falcon',
  'Oak','Maple','Cedar','Willow','Birch','Aspen','Ironwood','Stone','River','Lake',
  'Polar','Solar','Lunar','Delta','Sigma','Quantum','Apex','Zenith','Crest','Prime'
]) WITH ORDINALITY AS t(word, ord);

CREATE TEMP TABLE company_kinds (i int PRIMARY KEY, kind text NOT NULL, suffix text NOT NULL);
INSERT INTO company_kinds
SELECT ord - 1, kind, suffix FROM unnest(
  ARRAY['Trading','Logistics','Consulting','Software','Foods','Energy','Media','Health','Motors','Capital',
        'Systems','Textiles','Pharma','Retail','Labs','Construction','Insurance','Travel','Robotics','Design'],
  ARRAY['Ltd','Inc','GmbH','B.V.','S.A.','AG','LLC','plc','S.r.l.','AB',
        'Oy','A/S','Ltd','Inc','GmbH','B.V.','Corp','LLC','Ltd','Inc']) WITH ORDINALITY AS t(kind, suffix, ord);

SELECT count(*) AS n_cities FROM bench_cities \gset

-- Accounts: "<word> <kind> <suffix> <n>", a city, a web site and an e-mail derived from the name.
CREATE TABLE bench_account_ids (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench_account_ids (n, id)
SELECT g, md5('atrium-bench-account-' || g)::uuid FROM generate_series(1, :accounts) g;

INSERT INTO account (id, createdon, createdbyid, modifiedon, modifiedbyid, name, ownerid, phone, web, email,
                     address, city, region, zip, country, notes)
SELECT b.id,
       t.created, :'owner'::uuid, least(t.created + (pg_temp.h(g, 11) % 400) * interval '1 day', now() AT TIME ZONE 'UTC'), :'owner'::uuid,
       w.word || ' ' || k.kind || ' ' || k.suffix || ' ' || g,
       :'owner'::uuid,
       '+' || (1 + pg_temp.h(g, 12) % 98) || ' ' || lpad((pg_temp.h(g, 13) % 1000)::text, 3, '0') || ' '
           || lpad((pg_temp.h(g, 14) % 10000000)::text, 7, '0'),
       'https://www.' || slug || '.example',
       'info@' || slug || '.example',
       (1 + pg_temp.h(g, 15) % 300) || ' ' || w.word || ' Street',
       c.city, NULL, lpad((pg_temp.h(g, 16) % 100000)::text, 5, '0'), c.country,
       CASE WHEN g % 7 = 0 THEN 'Key account since ' || extract(year FROM t.created) END
FROM bench_account_ids b
CROSS JOIN LATERAL (SELECT b.n AS g) gg
JOIN company_words w ON w.i = pg_temp.h(g, 1) % 50
JOIN company_kinds k ON k.i = pg_temp.h(g, 2) % 20
JOIN bench_cities c ON c.n = 1 + pg_temp.h(g, 3) % :n_cities
CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - interval '3 years'
                           + (pg_temp.h(g, 4) % (2 * 365 * 24 * 3600)) * interval '1 second' AS created) t
CROSS JOIN LATERAL (SELECT lower(regexp_replace(w.word || '-' || k.kind || '-' || g, '[^A-Za-z0-9-]', '', 'g')) AS slug) s;

-- Contacts: "<first> <last>", an account chosen at random (5 per account on average, 0 to ~15),
-- one of the 200 cities with its country, e-mail, phones, a job title.
CREATE TABLE bench_ids (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench_ids (n, id)
SELECT g, md5('atrium-bench-contact-' || g)::uuid FROM generate_series(1, :contacts) g;

INSERT INTO contact (id, createdon, createdbyid, modifiedon, modifiedbyid, name, givenname, surname, jobtitle,
                     accountid, ownerid, email, phone, mobilephone, address, city, region, zip, country, notes)
SELECT b.id,
       t.created, :'owner'::uuid, least(t.created + (pg_temp.h(g, 21) % 300) * interval '1 day', now() AT TIME ZONE 'UTC'), :'owner'::uuid,
       f.name || ' ' || l.name, f.name, l.name,
       (ARRAY['Sales Manager','Account Executive','CEO','CFO','CTO','Buyer','Office Manager','Engineer',
              'Consultant','Project Manager','Marketing Director','Assistant'])[1 + pg_temp.h(g, 22) % 12],
       a.id, :'owner'::uuid,
       lower(regexp_replace(f.name || '.' || l.name, '[^A-Za-z.]', '', 'g')) || g || '@'
           || (ARRAY['example.com','example.org','example.net','mail.example','corp.example'])[1 + pg_temp.h(g, 23) % 5],
       '+' || (1 + pg_temp.h(g, 24) % 98) || ' ' || lpad((pg_temp.h(g, 25) % 1000)::text, 3, '0') || ' '
           || lpad((pg_temp.h(g, 26) % 10000000)::text, 7, '0'),
       CASE WHEN g % 3 <> 0 THEN '+' || (1 + pg_temp.h(g, 27) % 98) || ' 6' || lpad((pg_temp.h(g, 28) % 100000000)::text, 8, '0') END,
       (1 + pg_temp.h(g, 29) % 500) || ' ' || l.name || ' Road',
       c.city, NULL, lpad((pg_temp.h(g, 30) % 100000)::text, 5, '0'), c.country,
       CASE WHEN g % 11 = 0 THEN 'Met at the ' || extract(year FROM t.created) || ' trade fair' END
FROM bench_ids b
CROSS JOIN LATERAL (SELECT b.n AS g) gg
JOIN first_names f ON f.i = pg_temp.h(g, 5) % 100
JOIN last_names l ON l.i = pg_temp.h(g, 6) % 100
JOIN bench_account_ids a ON a.n = 1 + pg_temp.h(g, 7) % :accounts
JOIN bench_cities c ON c.n = 1 + pg_temp.h(g, 8) % :n_cities
CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - interval '3 years'
                           + (pg_temp.h(g, 9) % (3 * 365 * 24 * 3600)) * interval '1 second' AS created) t;

-- The page query (City filter, ordered by Name) uses IX_Contact_City_Name (City, Name, Id) from
-- Liquibase changelog 1.5.0 (change set 1.5.0-query-indexes); stop if it is missing.
SELECT EXISTS (SELECT FROM pg_class WHERE relname = 'ix_contact_city_name' AND relkind = 'i') AS has_index \gset
\if :has_index
\echo 'seed: index ix_contact_city_name (from Liquibase) present'
\else
\echo 'seed: index ix_contact_city_name is missing: the schema is not at changelog 1.5.0'
SELECT 1 / 0 AS index_missing; -- fails, and ON_ERROR_STOP ends the run
\endif

COMMIT;

ANALYZE account;
ANALYZE contact;
ANALYZE bench_ids;
ANALYZE bench_account_ids;
ANALYZE bench_cities;

SELECT (SELECT count(*) FROM account) AS accounts, (SELECT count(*) FROM contact) AS contacts,
       (SELECT count(DISTINCT accountid) FROM contact) AS accounts_with_contacts,
       (SELECT round(avg(n), 2) FROM (SELECT count(*) AS n FROM contact WHERE accountid IS NOT NULL GROUP BY accountid) x) AS avg_contacts_per_account,
       (SELECT count(DISTINCT city) FROM contact) AS cities
\gset seed_
\echo 'seed:' :seed_accounts 'accounts,' :seed_contacts 'contacts (' :seed_avg_contacts_per_account 'per account with contacts),' :seed_cities 'cities'
