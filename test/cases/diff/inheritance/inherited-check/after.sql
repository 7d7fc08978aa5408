CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  CONSTRAINT items_name_check CHECK (name <> '')
);
CREATE TABLE public.books (isbn text) INHERITS (public.items);
ALTER TABLE public.items ADD CONSTRAINT items_id_check CHECK (id > 0);
ALTER TABLE public.books ADD CONSTRAINT books_isbn_check CHECK (length(isbn) > 3);
