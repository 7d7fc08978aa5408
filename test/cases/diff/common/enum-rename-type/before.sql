CREATE TYPE public.state AS ENUM ('a', 'b');
