CREATE TABLE public.items (
  id bigint NOT NULL,
  name text NOT NULL,
  price numeric
);
CREATE TABLE public.books (isbn text) INHERITS (public.items);
CREATE TABLE public.magazines (issue integer) INHERITS (public.items);
-- books keeps price as its own column (ALTER TABLE ONLY leaves the children's copies); magazines loses it.
ALTER TABLE ONLY public.items DROP COLUMN price;
ALTER TABLE public.magazines DROP COLUMN price;
