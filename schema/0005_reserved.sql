-- 0005 is reserved for another branch's migration. This placeholder exists only because the
-- embedder requires numbers without gaps (schema/embed_migrations.cmake) and 0006 is taken by
-- wip-web2; it must be replaced by the real 0005 before wip-web2 is merged, and a database
-- migrated with this placeholder must not be kept (its user_version would skip the real 0005).
SELECT 1;
