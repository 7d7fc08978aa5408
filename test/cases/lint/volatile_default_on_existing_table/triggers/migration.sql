-- public.accounts exists before this file runs.
ALTER TABLE public.accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();
