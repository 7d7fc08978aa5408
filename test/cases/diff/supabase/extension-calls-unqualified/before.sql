-- Supabase's search_path reaches schema extensions: its functions are called unqualified.
CREATE TABLE public.api_keys (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  secret text NOT NULL DEFAULT encode(gen_random_bytes(24), 'hex')
);
