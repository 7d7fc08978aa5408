CREATE TABLE public.accounts (id integer PRIMARY KEY);
CREATE TABLE public.entries (id integer PRIMARY KEY, account_id integer);
CREATE FUNCTION public.check_balance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
