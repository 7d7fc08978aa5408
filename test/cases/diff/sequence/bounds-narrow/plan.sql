DO $pgform$
DECLARE
  seq regclass := '"public"."invoice_numbers"'::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 10 AND 9223372036854775807 THEN
    PERFORM setval(seq, 10, false);
  END IF;
END
$pgform$;

ALTER SEQUENCE "public"."invoice_numbers" AS bigint INCREMENT BY 1 MINVALUE 10 MAXVALUE 9223372036854775807 START WITH 10 CACHE 1 NO CYCLE;

DO $pgform$
DECLARE
  seq regclass := '"public"."ticket_numbers"'::regclass;
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN 10 AND 9223372036854775807 THEN
    PERFORM setval(seq, 10, false);
  END IF;
END
$pgform$;

ALTER SEQUENCE "public"."ticket_numbers" AS bigint INCREMENT BY 2 MINVALUE 10 MAXVALUE 9223372036854775807 START WITH 10 CACHE 1 CYCLE;
