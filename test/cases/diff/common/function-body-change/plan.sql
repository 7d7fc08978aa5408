SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."handle_new_user"() RETURNS trigger LANGUAGE "plpgsql" VOLATILE SECURITY DEFINER SET "search_path" TO ''
AS $$
BEGIN
  INSERT INTO public.profiles (id, full_name) VALUES (new.id, new.raw_user_meta_data ->> 'full_name');
  RETURN new;
END;
$$;
