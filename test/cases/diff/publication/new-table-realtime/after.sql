CREATE TABLE public.messages (id bigint PRIMARY KEY, body text);
ALTER TABLE public.messages REPLICA IDENTITY FULL;
ALTER PUBLICATION supabase_realtime ADD TABLE public.messages;
