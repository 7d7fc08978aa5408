CREATE TABLE public.tags (
  id integer PRIMARY KEY,
  label text COLLATE "C" NOT NULL,
  CONSTRAINT tags_label_key UNIQUE (label),
  CONSTRAINT tags_label_check CHECK (label <> '')
);
CREATE INDEX tags_label_lower_idx ON public.tags (lower(label));
CREATE INDEX tags_label_pattern_idx ON public.tags (label) WHERE label > 'm';
CREATE VIEW public.tag_labels AS SELECT id, label FROM public.tags ORDER BY label;
ALTER TABLE public.tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY tags_visible ON public.tags FOR SELECT USING (label <> 'hidden');
