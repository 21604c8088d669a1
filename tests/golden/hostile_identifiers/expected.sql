-- create schema "x""; drop table users; --"
CREATE SCHEMA "x""; drop table users; --";

-- create extension postgis
CREATE EXTENSION postgis;

-- create enum "x""; drop table users; --"."Mood ""quoted"""
CREATE TYPE "x""; drop table users; --"."Mood ""quoted""" AS ENUM ('happy', 'it''s; drop table users; --', 'ünïcødé ☃', 'x"; drop table users; --', E'back\\slash');

-- create sequence "x""; drop table users; --"."seq ""s""; drop table users; --"
CREATE SEQUENCE "x""; drop table users; --"."seq ""s""; drop table users; --" AS integer;

-- create table public.users
CREATE TABLE public.users (
  id integer NOT NULL,
  CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- create table "x""; drop table users; --"."x""; drop table users; --"
CREATE TABLE "x""; drop table users; --"."x""; drop table users; --" (
  "select" integer NOT NULL,
  "col with spaces" text DEFAULT 'x''; drop table users; --' NOT NULL,
  "ünïcødé ☃" text,
  "x""; drop table users; --" "x""; drop table users; --"."Mood ""quoted""" DEFAULT 'it''s; drop table users; --',
  "Order" integer,
  n integer DEFAULT nextval('"x""; drop table users; --"."seq ""s""; drop table users; --"'),
  "where" text DEFAULT 'back\slash',
  "geom ☃" public.geometry(Point,4326),
  CONSTRAINT "x""; drop table users; --_pkey" PRIMARY KEY ("select"),
  CONSTRAINT "uq ""x""; drop table users; --" UNIQUE ("col with spaces", "Order"),
  CONSTRAINT "chk""; drop table users; --" CHECK ("Order" > 0)
);

-- create table "x""; drop table users; --"."from"
CREATE TABLE "x""; drop table users; --"."from" (
  "id ☃" integer NOT NULL,
  "ref ""x""" integer,
  CONSTRAINT from_pkey PRIMARY KEY ("id ☃"),
  CONSTRAINT "fk""; drop table users; --" FOREIGN KEY ("ref ""x""") REFERENCES "x""; drop table users; --"."x""; drop table users; --" ("select") ON DELETE CASCADE
);

-- create index "from_ref ""x""_idx" on "x""; drop table users; --"."from"
CREATE INDEX "from_ref ""x""_idx" ON "x""; drop table users; --"."from" ("ref ""x""");

-- create view "x""; drop table users; --"."v ""q""; drop table users; --"
CREATE VIEW "x""; drop table users; --"."v ""q""; drop table users; --" AS select "select", "col with spaces" from "x""; drop table users; --"."x""; drop table users; --" where "col with spaces" <> 'x''; drop table users; --';

-- create index "gist ☃" on "x""; drop table users; --"."x""; drop table users; --"
CREATE INDEX "gist ☃" ON "x""; drop table users; --"."x""; drop table users; --" USING gist ("geom ☃");

-- create index "idx""; drop table users; --" on "x""; drop table users; --"."x""; drop table users; --"
CREATE INDEX "idx""; drop table users; --" ON "x""; drop table users; --"."x""; drop table users; --" ("ünïcødé ☃", "where" DESC);

-- set comment on table public.users
COMMENT ON TABLE public.users IS 'The canary: an integration test checks this table and its row survive.';

-- set comment on schema "x""; drop table users; --"
COMMENT ON SCHEMA "x""; drop table users; --" IS 'Schema comment: it''s "x"; drop table users; --';

-- set comment on enum "x""; drop table users; --"."Mood ""quoted"""
COMMENT ON TYPE "x""; drop table users; --"."Mood ""quoted""" IS 'Enum comment: ''); drop table users; --';

-- set comment on table "x""; drop table users; --"."x""; drop table users; --"
COMMENT ON TABLE "x""; drop table users; --"."x""; drop table users; --" IS E'Table comment: ''); drop table users; -- and a \\ backslash';

-- set comment on column "x""; drop table users; --"."x""; drop table users; --"."col with spaces"
COMMENT ON COLUMN "x""; drop table users; --"."x""; drop table users; --"."col with spaces" IS 'Column comment: "; drop table users; --';

-- set comment on index "x""; drop table users; --"."idx""; drop table users; --"
COMMENT ON INDEX "x""; drop table users; --"."idx""; drop table users; --" IS 'Index comment: ''; drop table users; --';

-- set comment on column "x""; drop table users; --"."x""; drop table users; --"."ünïcødé ☃"
COMMENT ON COLUMN "x""; drop table users; --"."x""; drop table users; --"."ünïcødé ☃" IS 'ünï ''q'' "dq"; drop table users; --';
