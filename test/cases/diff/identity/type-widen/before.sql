CREATE TABLE public.items (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
