-- public.accounts exists before this file runs.
ALTER TABLE public.accounts RENAME COLUMN email TO email_address;
