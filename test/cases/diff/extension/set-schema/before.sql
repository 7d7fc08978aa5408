CREATE SCHEMA ext;
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.accounts (id integer PRIMARY KEY, email public.citext);
