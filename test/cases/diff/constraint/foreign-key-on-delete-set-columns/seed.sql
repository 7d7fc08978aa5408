INSERT INTO public.projects (tenant, id) VALUES (1, 1), (1, 2);
INSERT INTO public.tasks (id, tenant, project_id) VALUES (1, 1, 1), (2, 1, 2), (3, 1, NULL);
