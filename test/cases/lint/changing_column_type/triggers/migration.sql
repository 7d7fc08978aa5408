-- public.accounts exists before this file runs.
ALTER TABLE public.accounts ALTER COLUMN balance TYPE bigint;
