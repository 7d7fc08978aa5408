CREATE TABLE public.logs (id bigint NOT NULL, at date NOT NULL, line text);
CREATE TABLE public.log_notes (log_id bigint NOT NULL, at date NOT NULL);
