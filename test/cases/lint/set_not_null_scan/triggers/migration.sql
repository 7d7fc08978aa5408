-- public.accounts exists before this file runs.
ALTER TABLE public.accounts ALTER COLUMN email SET NOT NULL;
