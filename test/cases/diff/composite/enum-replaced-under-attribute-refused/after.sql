CREATE TYPE public.state AS ENUM ('open', 'closed');
CREATE TYPE public.ticket AS (title text, state public.state);
