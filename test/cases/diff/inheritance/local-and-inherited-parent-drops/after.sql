CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL
);
CREATE TABLE public.books (isbn text, price numeric) INHERITS (public.items);
