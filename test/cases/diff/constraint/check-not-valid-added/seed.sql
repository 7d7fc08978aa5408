INSERT INTO public.items (qty) VALUES (-1), (5);
