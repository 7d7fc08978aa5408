CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  CONSTRAINT items_name_check CHECK (name <> '')
);
CREATE TABLE public.books (
  id bigint NOT NULL,
  name text NOT NULL,
  isbn text,
  CONSTRAINT items_name_check CHECK (name <> '')
);
ALTER TABLE public.books INHERIT public.items;
