CREATE TABLE public.page_views (
  viewed_at date NOT NULL,
  path text NOT NULL
) PARTITION BY RANGE (viewed_at);
CREATE TABLE public.page_views_2025 PARTITION OF public.page_views FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
