INSERT INTO public.sales VALUES (1, 'north', 'tea', 10); REFRESH MATERIALIZED VIEW public.sales_by_region;
