CREATE TABLE public.logs (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.logs_all PARTITION OF public.logs DEFAULT;
