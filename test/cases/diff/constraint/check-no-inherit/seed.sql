INSERT INTO public.items (qty) VALUES (5);
