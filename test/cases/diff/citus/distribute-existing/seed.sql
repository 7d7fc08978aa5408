INSERT INTO public.accounts VALUES (1, 'acme'), (2, 'globex');
INSERT INTO public.events VALUES (10, 1, 'signed up'), (11, 2, 'paid');
