-- rename sequence "App"."Ids" to "New Ids"
ALTER SEQUENCE "App"."Ids" RENAME TO "New Ids";
