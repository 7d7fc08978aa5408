ALTER TABLE public.deals ALTER COLUMN amount TYPE bigint;
