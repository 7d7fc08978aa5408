-- public.accounts exists before this file runs.
CREATE INDEX accounts_email ON public.accounts (email);
