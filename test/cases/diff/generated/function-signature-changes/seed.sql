INSERT INTO public.people (id, first, last) VALUES (1, 'Ada', 'Lovelace');
INSERT INTO public.prices (id, amount) VALUES (1, 9.99);
