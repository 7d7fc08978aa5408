CREATE TABLE public.messages (
  id bigint NOT NULL,
  sent_at date NOT NULL,
  body text,
  PRIMARY KEY (id, sent_at)
) PARTITION BY RANGE (sent_at);
CREATE TABLE public.messages_2025 PARTITION OF public.messages FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.rooms (id bigint PRIMARY KEY, name text);
CREATE PUBLICATION chat FOR TABLE public.messages (id, sent_at, body), public.rooms WITH (publish_via_partition_root = true);
