ALTER TABLE "public"."tasks" DROP CONSTRAINT "tasks_project_fkey";

ALTER TABLE "public"."tasks" ADD CONSTRAINT "tasks_project_fkey" FOREIGN KEY ("tenant", "project_id") REFERENCES "public"."projects" ("tenant", "id") ON DELETE SET NULL ("project_id") NOT VALID;

ALTER TABLE "public"."tasks" VALIDATE CONSTRAINT "tasks_project_fkey";
