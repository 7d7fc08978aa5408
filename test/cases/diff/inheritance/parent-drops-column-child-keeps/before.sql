CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  price numeric
);
CREATE TABLE public.books (isbn text) INHERITS (public.items);
CREATE TABLE public.magazines (issue integer) INHERITS (public.items);
