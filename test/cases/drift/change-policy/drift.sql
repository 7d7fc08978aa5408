ALTER POLICY "Owners read deals" ON public.deals USING (true);
