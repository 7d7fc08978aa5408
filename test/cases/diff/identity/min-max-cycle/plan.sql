-- hazard MAY_FAIL: a position of the identity of public.tickets.n above the new MAXVALUE 999 restarts at 1: values already issued may come again
DO $pgform$
DECLARE
  seq regclass := pg_get_serial_sequence('"public"."tickets"', 'n')::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 1 AND 999 THEN
    PERFORM setval(seq, 1, false);
  END IF;
END
$pgform$;

ALTER TABLE "public"."tickets" ALTER COLUMN "n" SET MAXVALUE 999 SET CYCLE;
