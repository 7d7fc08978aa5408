CREATE TABLE public.parents (id integer PRIMARY KEY);
CREATE TABLE public.children (id integer PRIMARY KEY, parent_id integer);
ALTER TABLE public.children ADD CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES public.parents (id);
