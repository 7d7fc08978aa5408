DROP VIEW "public"."item_names";

ALTER TABLE "public"."items" ALTER COLUMN "name" TYPE text USING "name"::text;

CREATE VIEW "public"."item_names" AS
SELECT id,
    name
   FROM public.items;

CREATE TRIGGER "item_names_insert" INSTEAD OF INSERT ON "public"."item_names" FOR EACH ROW EXECUTE FUNCTION "public"."item_names_insert"();
