DROP TRIGGER "accounts_log" ON "public"."accounts";

CREATE TRIGGER "accounts_log" AFTER UPDATE ON "public"."accounts" REFERENCING NEW TABLE AS "new_rows" FOR EACH ROW EXECUTE FUNCTION "public"."log_balances"();
