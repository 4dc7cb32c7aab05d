-- Roles carry scopes (issue 9): a home director or head nurse may hold more than one home, so the
-- person's single home becomes a list of homes. Existing people keep their home.

ALTER TABLE "person" ADD COLUMN "care_home_ids" TEXT;

UPDATE "person" SET "care_home_ids" = json_array("care_home_id") WHERE "care_home_id" IS NOT NULL;

ALTER TABLE "person" DROP COLUMN "care_home_id";
