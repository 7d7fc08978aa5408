CREATE SCHEMA ext;
CREATE EXTENSION citext WITH SCHEMA ext;
CREATE TABLE public.accounts (id integer PRIMARY KEY, email ext.citext);
