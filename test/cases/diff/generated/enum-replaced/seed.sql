INSERT INTO public.accounts (id, spend) VALUES (1, 50), (2, 500);
