INSERT INTO public.t (name) VALUES ('a');
