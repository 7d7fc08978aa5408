CREATE TABLE public.items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seen_at timestamp, done_at timestamp(3) without time zone);
