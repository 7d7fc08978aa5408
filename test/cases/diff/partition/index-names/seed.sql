INSERT INTO public.events VALUES (1, 'us', 'a', 10), (2, 'uk', 'b', 0), (3, 'ie', 'c', 7);
