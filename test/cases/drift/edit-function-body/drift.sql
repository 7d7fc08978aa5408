CREATE OR REPLACE FUNCTION public.deal_total(wanted public.stage) RETURNS bigint LANGUAGE sql STABLE AS $$SELECT count(*) FROM public.deals WHERE stage = wanted$$;
