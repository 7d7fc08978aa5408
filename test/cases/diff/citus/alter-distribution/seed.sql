INSERT INTO public.accounts VALUES (1, 'acme');
INSERT INTO public.orders VALUES (1, 10);
INSERT INTO public.events VALUES (20, 'signed up');
INSERT INTO public.visits VALUES (30, 1);
