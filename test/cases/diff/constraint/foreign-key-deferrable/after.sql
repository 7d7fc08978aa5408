CREATE TABLE public.parents (id integer PRIMARY KEY);
CREATE TABLE public.children (id integer PRIMARY KEY, parent_id integer REFERENCES public.parents (id) DEFERRABLE INITIALLY DEFERRED);
