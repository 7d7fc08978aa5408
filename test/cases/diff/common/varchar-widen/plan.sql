ALTER TABLE "public"."t" ALTER COLUMN "name" TYPE character varying(255) USING "name"::character varying(255);
