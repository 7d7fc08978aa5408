ALTER TYPE "public"."status" ADD VALUE 'review' BEFORE 'published';
