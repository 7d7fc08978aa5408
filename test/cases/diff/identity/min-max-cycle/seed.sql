INSERT INTO public.tickets (label) VALUES ('a'), ('b');
