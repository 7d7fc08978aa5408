INSERT INTO public.rooms VALUES (1, 'general');
INSERT INTO public.messages VALUES (1, '2025-01-05', 'hi'), (2, '2025-06-30', NULL);
