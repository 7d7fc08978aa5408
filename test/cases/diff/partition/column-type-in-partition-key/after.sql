CREATE TABLE public.readings (id bigint NOT NULL, taken_on timestamp NOT NULL) PARTITION BY RANGE (taken_on);
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
