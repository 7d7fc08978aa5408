INSERT INTO public.documents VALUES (1, repeat('x', 5000), '{"a": 1}', 1.5);
