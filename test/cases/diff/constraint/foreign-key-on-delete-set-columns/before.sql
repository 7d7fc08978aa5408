CREATE TABLE public.projects (tenant integer, id integer, PRIMARY KEY (tenant, id));
CREATE TABLE public.tasks (id integer PRIMARY KEY, tenant integer NOT NULL, project_id integer,
  CONSTRAINT tasks_project_fkey FOREIGN KEY (tenant, project_id) REFERENCES public.projects (tenant, id) ON DELETE CASCADE);
