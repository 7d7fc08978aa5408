DROP TRIGGER "entries_balanced" ON "public"."entries";

CREATE CONSTRAINT TRIGGER "entries_balanced" AFTER INSERT ON "public"."entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "public"."check_balance"();
