CREATE TABLE public.messages (id bigint PRIMARY KEY, body text);
