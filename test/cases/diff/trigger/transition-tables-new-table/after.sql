CREATE TABLE public.accounts (id int PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE public.balance_log (at timestamptz NOT NULL DEFAULT now(), changed int NOT NULL);
CREATE FUNCTION public.log_balances() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.balance_log (changed) SELECT count(*) FROM "New Rows"; RETURN NULL; END $$;
CREATE TRIGGER accounts_inserted AFTER INSERT ON public.accounts REFERENCING NEW TABLE AS "New Rows" FOR EACH STATEMENT EXECUTE FUNCTION public.log_balances();
