-- public.accounts exists before this file runs.
ALTER TABLE public.accounts DROP COLUMN legacy_code;
