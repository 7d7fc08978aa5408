SET lock_timeout = '5s';
ALTER TABLE public.accounts ALTER COLUMN nickname TYPE text;
