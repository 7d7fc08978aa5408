CREATE TABLE public.chats (id bigint PRIMARY KEY, topic text);
ALTER TABLE public.chats REPLICA IDENTITY FULL;
