CREATE TABLE public.items (id serial PRIMARY KEY, name text);
CREATE TABLE public.tags (id integer, label text, CONSTRAINT tags_pkey PRIMARY KEY (id));
