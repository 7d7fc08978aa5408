SET check_function_bodies = false;

CREATE FUNCTION "public"."log_balances"() RETURNS trigger LANGUAGE "plpgsql" VOLATILE
AS $$ BEGIN INSERT INTO public.balance_log (changed) SELECT count(*) FROM "New Rows"; RETURN NULL; END $$;

CREATE TABLE "public"."balance_log" (
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "changed" integer NOT NULL
);

CREATE TRIGGER "accounts_inserted" AFTER INSERT ON "public"."accounts" REFERENCING NEW TABLE AS "New Rows" FOR EACH STATEMENT EXECUTE FUNCTION "public"."log_balances"();
