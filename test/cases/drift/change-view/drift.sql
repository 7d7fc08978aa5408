CREATE OR REPLACE VIEW public.won_deals WITH (security_invoker = true) AS SELECT id, title, amount FROM public.deals WHERE stage = 'won' AND amount > 0;
