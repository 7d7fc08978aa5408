CREATE TABLE public.accounts (id integer PRIMARY KEY);
CREATE TABLE public.entries (id integer PRIMARY KEY, account_id integer);
CREATE FUNCTION public.check_balance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON public.entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_balance();
CREATE CONSTRAINT TRIGGER entries_account_check AFTER DELETE ON public.entries FROM public.accounts NOT DEFERRABLE FOR EACH ROW EXECUTE FUNCTION public.check_balance();
