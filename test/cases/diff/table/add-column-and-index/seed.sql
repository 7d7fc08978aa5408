INSERT INTO public.notes (body) VALUES ('first'), ('second');
