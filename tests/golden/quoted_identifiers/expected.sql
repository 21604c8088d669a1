-- create table public."User Accounts"
CREATE TABLE public."User Accounts" (
  "Id" integer NOT NULL,
  "user" text NOT NULL,
  "x""; drop table users; --" text,
  "café" text DEFAULT 'it''s',
  CONSTRAINT "User Accounts_pkey" PRIMARY KEY ("Id")
);
