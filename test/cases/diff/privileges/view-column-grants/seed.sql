INSERT INTO public.profiles VALUES ('00000000-0000-0000-0000-000000000001', 'Ada', 'ada@example.com', 'hi');
