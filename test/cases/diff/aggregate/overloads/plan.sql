CREATE AGGREGATE "public"."total"(bigint) (SFUNC = int8pl, STYPE = bigint);

CREATE AGGREGATE "public"."total"(numeric) (SFUNC = numeric_add, STYPE = numeric, INITCOND = '0');
