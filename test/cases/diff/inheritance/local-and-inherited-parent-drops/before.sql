CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  price numeric
);
-- books declares price itself as well as inheriting it: the column is local and inherited.
CREATE TABLE public.books (isbn text, price numeric) INHERITS (public.items);
