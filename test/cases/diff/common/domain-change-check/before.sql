CREATE DOMAIN public.email AS text CHECK (VALUE ~ '@');
CREATE TABLE public.contacts (id int PRIMARY KEY, email public.email);
