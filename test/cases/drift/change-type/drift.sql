DROP VIEW public.won_deals;
ALTER TABLE public.deals ALTER COLUMN amount TYPE bigint;
CREATE VIEW public.won_deals WITH (security_invoker = true) AS SELECT id, title, amount FROM public.deals WHERE stage = 'won';
