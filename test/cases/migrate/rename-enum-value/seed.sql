INSERT INTO public.things (color) VALUES ('grean'), ('red');
