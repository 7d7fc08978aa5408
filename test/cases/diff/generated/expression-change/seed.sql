INSERT INTO public.people (id, first_name, last_name) VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing');
