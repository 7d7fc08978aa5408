CREATE TABLE public.rooms (id bigint PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX rooms_code_idx ON public.rooms (code);
ALTER TABLE public.rooms REPLICA IDENTITY USING INDEX rooms_code_idx;
