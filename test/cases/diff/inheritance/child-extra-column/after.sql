CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  CONSTRAINT items_name_check CHECK (name <> '')
);
CREATE TABLE public.books (isbn text) INHERITS (public.items);
ALTER TABLE public.books ADD COLUMN pages integer;
ALTER TABLE public.items ADD COLUMN price numeric;
CREATE INDEX books_isbn_idx ON public.books (isbn);
