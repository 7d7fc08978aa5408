INSERT INTO public.blobs VALUES (1, '\x00ff');
