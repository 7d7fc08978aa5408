INSERT INTO public.orders (note) VALUES ('first'), ('second');
INSERT INTO public.refunds (note) VALUES ('first'), ('second');
