-- Supabase's search_path reaches schema extensions: its functions are called unqualified.
CREATE TABLE public.api_keys (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  secret text NOT NULL DEFAULT encode(gen_random_bytes(24), 'hex'),
  secret_hash text GENERATED ALWAYS AS (encode(digest(secret, 'sha256'), 'hex')) STORED
);
-- A SQL body is checked when created: digest() resolves through the search path.
CREATE FUNCTION public.hash_secret(secret text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(digest(secret, 'sha256'), 'hex')
$$;
