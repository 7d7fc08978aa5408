DROP TRIGGER deals_touch ON public.deals;
