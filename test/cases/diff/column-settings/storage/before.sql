CREATE TABLE public.documents (id bigint PRIMARY KEY, body text, attrs jsonb, price numeric);
