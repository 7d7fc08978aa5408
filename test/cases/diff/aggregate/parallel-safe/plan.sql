CREATE OR REPLACE AGGREGATE "public"."product"(numeric) (SFUNC = numeric_mul, STYPE = numeric, COMBINEFUNC = numeric_mul, INITCOND = '1', PARALLEL = SAFE);
