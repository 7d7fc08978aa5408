CREATE SCHEMA billing;
CREATE TABLE public.accounts (id uuid PRIMARY KEY);
