-- The customers and services of 2026 (issue 11; DOMAIN.md, "The customers of 2026"). Written by hand: the
-- generator only adds the new column, the values need carrying over. The maps below are the ones of
-- src/domain/records/legacy-values.ts (test/store/sqlite/migration-009.spec.ts holds the two together).
-- The audit trail is history and keeps the values as they were recorded.

-- The customer is the purchaser, recorded with its kind. A customer of the 2012 data was a municipality
-- (kunta) and stays one, unless its name clearly says it is a wellbeing services county or the City of
-- Helsinki (purchaserKindFromName): whether a county took a municipality's agreements over is for sales to
-- record, not for a migration to guess. The column is nullable in SQLite (ALTER TABLE cannot add NOT NULL
-- without a default); every row has a value after this and zod requires one on every write.
ALTER TABLE "customer" ADD COLUMN "kind" TEXT;

UPDATE "customer" SET "kind" = CASE
  WHEN lower("name") LIKE '%hyvinvointialue%' OR lower("name") LIKE '%välfärdsområde%' OR lower("name") LIKE '%wellbeing services county%' THEN 'hyvinvointialue'
  WHEN lower("name") IN ('helsinki', 'helsingin kaupunki', 'city of helsinki') OR lower("name") LIKE 'helsingin kaupunki %' OR lower("name") LIKE 'helsingin kaupunki,%' THEN 'helsinki'
  ELSE 'kunta'
END
WHERE "kind" IS NULL;

-- Service types (sosiaalihuoltolaki 21 §): tehostettu palveluasuminen → ympärivuorokautinen palveluasuminen,
-- palveluasuminen → yhteisöllinen asuminen; lyhytaikainen keeps its value.
UPDATE "place" SET "service_type" = CASE "service_type"
  WHEN 'tehostettu' THEN 'ymparivuorokautinen'
  WHEN 'palveluasuminen' THEN 'yhteisollinen'
  ELSE "service_type"
END
WHERE "service_type" IN ('tehostettu', 'palveluasuminen');

UPDATE "care_home" SET "service_types" = (
  SELECT json_group_array(CASE value WHEN 'tehostettu' THEN 'ymparivuorokautinen' WHEN 'palveluasuminen' THEN 'yhteisollinen' ELSE value END)
  FROM (SELECT value FROM json_each("care_home"."service_types") ORDER BY key)
)
WHERE EXISTS (SELECT 1 FROM json_each("care_home"."service_types") WHERE value IN ('tehostettu', 'palveluasuminen'));

UPDATE "agreement" SET "service_types" = (
  SELECT json_group_array(CASE value WHEN 'tehostettu' THEN 'ymparivuorokautinen' WHEN 'palveluasuminen' THEN 'yhteisollinen' ELSE value END)
  FROM (SELECT value FROM json_each("agreement"."service_types") ORDER BY key)
)
WHERE EXISTS (SELECT 1 FROM json_each("agreement"."service_types") WHERE value IN ('tehostettu', 'palveluasuminen'));

-- Contacts keep their roles, under the county's names: the social and health director is the service
-- director (palvelujohtaja), the head of elderly care the head of elderly services.
UPDATE "contact" SET "role" = CASE "role"
  WHEN 'sote-johtaja' THEN 'palvelujohtaja'
  WHEN 'vanhustyon-paallikko' THEN 'vanhuspalvelujen-johtaja'
  ELSE "role"
END
WHERE "role" IN ('sote-johtaja', 'vanhustyon-paallikko');

-- The same roles inside the customer plans' planned encounters (JSON objects).
UPDATE "customer_plan" SET "planned_encounters" = (
  SELECT json_group_array(json(CASE json_extract(value, '$.withRole')
    WHEN 'sote-johtaja' THEN json_set(value, '$.withRole', 'palvelujohtaja')
    WHEN 'vanhustyon-paallikko' THEN json_set(value, '$.withRole', 'vanhuspalvelujen-johtaja')
    ELSE value END))
  FROM (SELECT value FROM json_each("customer_plan"."planned_encounters") ORDER BY key)
)
WHERE EXISTS (SELECT 1 FROM json_each("customer_plan"."planned_encounters") WHERE json_extract(value, '$.withRole') IN ('sote-johtaja', 'vanhustyon-paallikko'));

-- Cards not yet delivered carry the place's service type in their payload (JSON.stringify, no spaces): they
-- are shown with the new name like everything else.
UPDATE outbox SET payload = replace(replace(payload,
  '"serviceType":"tehostettu"', '"serviceType":"ymparivuorokautinen"'),
  '"serviceType":"palveluasuminen"', '"serviceType":"yhteisollinen"')
WHERE payload LIKE '%"serviceType":"tehostettu"%' OR payload LIKE '%"serviceType":"palveluasuminen"%';
