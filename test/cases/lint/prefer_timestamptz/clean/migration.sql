CREATE TABLE public.items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seen_at timestamptz, done_at timestamp with time zone);
