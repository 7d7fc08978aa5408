-- public.accounts exists before this file runs.
ALTER TABLE public.accounts RENAME TO customers;
