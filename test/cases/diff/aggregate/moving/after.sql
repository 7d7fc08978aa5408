CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE AGGREGATE public.running_total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '0', MFINALFUNC_MODIFY = SHAREABLE);
CREATE AGGREGATE public.highest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >, COMBINEFUNC = int4larger, PARALLEL = SAFE);
