CREATE TABLE public.blobs (id bigint PRIMARY KEY, data bytea COMPRESSION lz4, note text COMPRESSION lz4);
