-- hazard MAY_FAIL: a position of public.counter above the new MAXVALUE 100000 restarts at 1: values already issued may come again
DO $pgform$
DECLARE
  seq regclass := '"public"."counter"'::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 1 AND 100000 THEN
    PERFORM setval(seq, 1, false);
  END IF;
END
$pgform$;

ALTER SEQUENCE "public"."counter" AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 100000 START WITH 1 CACHE 5 CYCLE;
