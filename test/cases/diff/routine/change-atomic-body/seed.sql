INSERT INTO public.events (kind) VALUES ('a'), ('b');
