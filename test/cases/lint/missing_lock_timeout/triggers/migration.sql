-- public.accounts exists before this file runs.
ALTER TABLE public.accounts ADD COLUMN plan text;
