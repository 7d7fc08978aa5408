INSERT INTO public.people (name, nickname, age) VALUES ('Ann', 'A', 30), ('Bo', NULL, 40);
