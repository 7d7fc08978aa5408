-- Tables created earlier in the file, under their first name or after a rename, are new: their
-- indexes block nobody. public.accounts exists before this file runs, and public.late is indexed
-- before the statement that creates it.
SET lock_timeout = '5s';
CREATE TABLE public.drafts_new (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text);
CREATE INDEX drafts_new_title ON public.drafts_new (title);
ALTER TABLE public.drafts_new RENAME TO drafts;
CREATE INDEX drafts_id_title ON public.drafts (id, title);
CREATE INDEX accounts_email ON public.accounts (email);
CREATE INDEX late_id ON public.late (id);
CREATE TABLE public.late (id bigint);
CREATE INDEX late_id_again ON public.late (id);
