CREATE TABLE public.sessions (
  user_id uuid NOT NULL,
  started_at timestamptz DEFAULT now() NOT NULL
) PARTITION BY HASH (user_id);
CREATE TABLE public.sessions_0 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.sessions_1 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
