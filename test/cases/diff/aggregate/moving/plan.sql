CREATE AGGREGATE "public"."highest"(integer) (SFUNC = int4larger, STYPE = integer, COMBINEFUNC = int4larger, SORTOP = >, PARALLEL = SAFE);

CREATE AGGREGATE "public"."running_total"(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MFINALFUNC_MODIFY = SHAREABLE, MINITCOND = '0');
