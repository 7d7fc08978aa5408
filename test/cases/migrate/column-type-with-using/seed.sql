INSERT INTO public.events (id, happened) VALUES (1, 1700000000);
