-- hazard WEAKENS_SECURITY: disables row level security on public.notes: its policies stop applying and every role with a grant reads and writes every row
ALTER TABLE "public"."notes" DISABLE ROW LEVEL SECURITY;
