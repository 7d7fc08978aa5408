CREATE TYPE public.state AS ENUM ('open', 'closed', 'archived');
CREATE TYPE public.ticket AS (title text, state public.state);
