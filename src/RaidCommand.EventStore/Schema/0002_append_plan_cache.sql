-- RaidCommand event store, schema version 2: cheaper appends, same behaviour.
-- "__schema__" is replaced by the configured schema name (a validated identifier) before this runs.

-- The append function's statements take array parameters. With the default plan_cache_mode PL/pgSQL's
-- plan cache compares each statement's generic plan with custom plans built for the actual arrays, finds
-- the custom ones "cheaper" (they know the array lengths) and so re-plans every statement on every call:
-- a profile of single-event appends showed about 40% of the backend's time in the planner. The generic
-- plans are the same index lookups and unnest inserts, so they are planned once per connection instead.
alter function __schema__.append(
    text[], bigint[], int[], uuid[], text[], int[], jsonb[], text[], text[], text[], text[], text[], text[], timestamptz[])
    set plan_cache_mode = force_generic_plan;

-- concat_ws and the text casts inside canonical_event are only stable, so an "immutable" SQL function
-- cannot be inlined and is run through the SQL-function executor, which parses and plans its body again
-- in every transaction. Declared stable (what it truly is) it is inlined into the append function's hash
-- expression. The canonical text, and so every hash, is unchanged.
alter function __schema__.canonical_event(
    bigint, text, bigint, uuid, text, int, jsonb, text, text, text, text, text, text, timestamptz, timestamptz, xid8)
    stable;
