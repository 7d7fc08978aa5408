COMMENT ON COLUMN public.deals.title IS 'Edited by hand';
