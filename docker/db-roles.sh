#!/bin/sh
# The portal's two database roles (README, "Database roles"):
#   bts_owner  owns the database, its schema and every table; `manage.py migrate` connects as it
#   bts_app    the web app and the Celery workers: owns nothing, gets its grants from migrate
# The postgres image runs this once, when the data volume is first initialised. It changes only
# what is not already so: run it by hand to move a database created before the two roles, then
# run the migrate service again:
#   docker compose exec db sh /docker-entrypoint-initdb.d/10-bts-roles.sh
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=db="$POSTGRES_DB" \
  --set=owner_password="$BTS_OWNER_PASSWORD" \
  --set=app_password="$BTS_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE bts_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bts_owner')
\gexec
SELECT 'CREATE ROLE bts_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bts_app')
\gexec
ALTER ROLE bts_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
ALTER ROLE bts_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

ALTER DATABASE :"db" OWNER TO bts_owner;
ALTER SCHEMA public OWNER TO bts_owner;
-- Nobody else creates objects or temporary tables here; bts_app may connect and no more.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO bts_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO bts_app;

-- A database that was migrated as the superuser: its tables, sequences and functions go to
-- the owner (sequences of identity and serial columns follow their tables).
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN
        SELECT format('ALTER %s %s OWNER TO bts_owner',
                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                     WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                      c.oid::regclass) AS statement
          FROM pg_class AS c
         WHERE c.relnamespace = 'public'::regnamespace
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND c.relowner <> 'bts_owner'::regrole
           AND NOT EXISTS (SELECT FROM pg_depend AS d
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype IN ('a', 'i'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO bts_owner', p.oid::regprocedure)
          FROM pg_proc AS p
         WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'bts_owner'::regrole
    LOOP
        EXECUTE item.statement;
    END LOOP;
END
$$;
SQL
