INSERT INTO public.events VALUES (1, 'click', 3);
