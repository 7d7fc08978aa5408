SET lock_timeout = '5s';
ALTER TABLE public.accounts ADD COLUMN plan text;
