CREATE TABLE public.readings (taken date NOT NULL, sensor int, label varchar(20)) PARTITION BY RANGE (taken);
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.readings ALTER COLUMN sensor SET STATISTICS 300;
ALTER TABLE public.readings_2024 ALTER COLUMN sensor SET STATISTICS 40, ALTER COLUMN sensor SET (n_distinct = 9);
ALTER TABLE public.readings_2024 ALTER COLUMN label SET STORAGE EXTERNAL, ALTER COLUMN label SET STATISTICS 25;
