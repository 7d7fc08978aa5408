ALTER TYPE public.stage ADD VALUE 'paused';
