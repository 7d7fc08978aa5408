CREATE TYPE public.state2 AS ENUM ('a', 'b');
