SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY accounts_email ON public.accounts (email);
CREATE TABLE public.fresh (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
CREATE INDEX fresh_email ON public.fresh (email);
