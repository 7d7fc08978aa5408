DROP VIEW "public"."latest_readings";

ALTER TABLE "public"."readings" RENAME TO "readings_pgform_old";

CREATE TABLE "public"."readings" (
  "sensor" text NOT NULL,
  "taken_at" timestamp with time zone NOT NULL,
  "value" double precision
) PARTITION BY LIST (sensor);

CREATE TABLE "public"."readings_other" PARTITION OF "public"."readings" DEFAULT;

CREATE TABLE "public"."readings_roof" PARTITION OF "public"."readings" FOR VALUES IN ('roof');

-- hazard REWRITES_TABLE: copies every row of public.readings into the table that replaces it, under an exclusive lock on both until the migration commits
INSERT INTO "public"."readings" ("sensor", "taken_at", "value")
SELECT "sensor", "taken_at", "value" FROM "public"."readings_pgform_old";

DROP TABLE "public"."readings_pgform_old";

CREATE VIEW "public"."latest_readings" AS
SELECT readings.sensor,
    max(readings.taken_at) AS taken_at
   FROM public.readings
  GROUP BY readings.sensor;

CREATE TRIGGER "readings_noted" AFTER INSERT ON "public"."readings" FOR EACH ROW EXECUTE FUNCTION "public"."note_reading"();

ALTER TABLE "public"."readings" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "readings_read" ON "public"."readings" AS PERMISSIVE FOR SELECT TO "authenticated" USING ((sensor <> ''::text));

REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE "public"."readings" FROM "anon";

REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON TABLE "public"."readings" FROM "authenticated";

GRANT SELECT ("sensor") ON TABLE "public"."readings" TO "anon";

REVOKE DELETE, INSERT, REFERENCES, TRIGGER, TRUNCATE, UPDATE ON TABLE "public"."latest_readings" FROM "anon";

REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE "public"."latest_readings" FROM "authenticated";

COMMENT ON TABLE "public"."readings" IS 'one row per reading';
