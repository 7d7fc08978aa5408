DROP POLICY "Owners write deals" ON public.deals;
