ALTER TABLE public.deals ADD COLUMN notes text;
