CREATE OR REPLACE AGGREGATE "public"."total"(integer) (SFUNC = int4pl, STYPE = integer, COMBINEFUNC = int4pl, INITCOND = '0', PARALLEL = SAFE);

COMMENT ON AGGREGATE "public"."total"(integer) IS 'sum of points, 0 for none';
