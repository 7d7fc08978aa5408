CREATE TYPE public.status AS ENUM ('draft', 'review', 'published');
CREATE TABLE public.posts (id int PRIMARY KEY, status public.status NOT NULL DEFAULT 'draft');
