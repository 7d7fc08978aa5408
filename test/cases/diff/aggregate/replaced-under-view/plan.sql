CREATE OR REPLACE AGGREGATE "public"."total"(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
