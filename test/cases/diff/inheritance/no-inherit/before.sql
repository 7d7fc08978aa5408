CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  CONSTRAINT items_name_check CHECK (name <> '')
);
CREATE TABLE public.books (isbn text) INHERITS (public.items);
