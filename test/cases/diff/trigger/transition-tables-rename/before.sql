CREATE TABLE public.accounts (id int PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE public.balance_log (at timestamptz NOT NULL DEFAULT now(), changed int NOT NULL);
CREATE FUNCTION public.log_balances() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.balance_log (changed) SELECT count(*) FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER accounts_log AFTER UPDATE ON public.accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.log_balances();
