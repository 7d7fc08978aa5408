CREATE TABLE public.messages (id bigint PRIMARY KEY, body text);
ALTER TABLE public.messages REPLICA IDENTITY FULL;
