DO $pgform$
DECLARE
  seq regclass := pg_get_serial_sequence('"public"."orders"', 'id')::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 1000 AND 2147483647 THEN
    PERFORM setval(seq, 1000, false);
  END IF;
END
$pgform$;

ALTER TABLE "public"."orders" ALTER COLUMN "id" SET MINVALUE 1000 SET START WITH 1000;

-- hazard MAY_FAIL: a position of the identity of public.refunds.id above the new MAXVALUE 10000 restarts at 1: values already issued may come again
DO $pgform$
DECLARE
  seq regclass := pg_get_serial_sequence('"public"."refunds"', 'id')::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 1 AND 10000 THEN
    PERFORM setval(seq, 1, false);
  END IF;
END
$pgform$;

ALTER TABLE "public"."refunds" ALTER COLUMN "id" SET MAXVALUE 10000;
