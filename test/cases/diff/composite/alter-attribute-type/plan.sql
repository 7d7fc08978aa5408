ALTER TYPE "public"."money_amount" ALTER ATTRIBUTE "amount" SET DATA TYPE numeric(12,2);

ALTER TYPE "public"."money_amount" ALTER ATTRIBUTE "currency" SET DATA TYPE text COLLATE "C";
