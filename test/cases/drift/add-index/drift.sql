CREATE INDEX deals_title ON public.deals (title);
