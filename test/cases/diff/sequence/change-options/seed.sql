SELECT nextval('public.counter');
