CREATE TYPE public.color AS ENUM ('red', 'blue');
CREATE TABLE public.paint (id int PRIMARY KEY, color public.color);
