CREATE TABLE public.blobs (id bigint PRIMARY KEY, data bytea COMPRESSION pglz, note text);
