DROP TRIGGER "accounts_log" ON "public"."accounts";

CREATE TRIGGER "accounts_log" AFTER UPDATE ON "public"."accounts" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "public"."log_balances"();
