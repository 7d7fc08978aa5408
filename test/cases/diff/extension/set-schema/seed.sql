INSERT INTO public.accounts VALUES (1, 'A@example.com');
