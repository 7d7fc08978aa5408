SET check_function_bodies = false;

DROP VIEW "public"."people_decades";

DROP INDEX CONCURRENTLY "public"."people_decade";

DROP FUNCTION "public"."decade"(integer);

CREATE FUNCTION "public"."decade"("y" bigint) RETURNS bigint LANGUAGE "sql" IMMUTABLE
AS $$ SELECT y / 10 * 10 $$;

CREATE INDEX CONCURRENTLY "people_decade" ON "public"."people" USING "btree" (public.decade(born::bigint));

CREATE VIEW "public"."people_decades" AS
SELECT people.id,
    public.decade(people.born::bigint) AS decade
   FROM public.people;
