CREATE TYPE public.event_kind AS ENUM ('click', 'view');
CREATE TABLE public.events (
  id bigint NOT NULL,
  at date NOT NULL,
  kind public.event_kind NOT NULL DEFAULT 'view'
) PARTITION BY RANGE (at);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE public.events_2025_h0 PARTITION OF public.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.events_2025_h1 PARTITION OF public.events_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX events_clicks_idx ON public.events (at) WHERE kind = 'click';
CREATE TABLE public.audit (id bigint, kind public.event_kind);
CREATE TABLE public.audit_archive (archived_at date) INHERITS (public.audit);
