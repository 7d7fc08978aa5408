CREATE TABLE public.chats (id bigint PRIMARY KEY, topic text);
