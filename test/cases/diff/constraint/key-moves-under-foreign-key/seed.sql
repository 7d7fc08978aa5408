INSERT INTO public.plans VALUES (1, 'free'), (2, 'pro');
INSERT INTO public.subscriptions VALUES (10, 2), (11, NULL);
INSERT INTO public.regions VALUES ('bavaria', 'de'), ('ontario', 'ca');
INSERT INTO public.stores VALUES (1, 'de', 'bavaria');
