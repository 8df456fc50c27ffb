-- RaidCommand event store, schema version 5: idempotency is resolved after a failed append, not probed before
-- every append. "__schema__" is replaced by the configured schema name (a validated identifier) before this runs.
--
-- Until now every append first counted its event ids in the events table, so that a retried batch could be
-- acknowledged with its original positions. That probe is the same index lookup the insert does anyway for the
-- events_event_id_unique constraint, and a retry is the rare case. The append now just inserts: a retried batch
-- fails on that unique index (or, when the stream has moved on since, on its expected version), nothing is
-- written, and the store then reads what is stored under those event ids (EventStore: "stored batch") to
-- acknowledge the retry or report the reuse. The guarantee is unchanged, the unique index still holds it forever.
--
-- The same migration is where the store's single-event appends stopped calling this function: one stream with
-- one event goes through a prepared two-statement batch instead (Appending/SingleEventAppend.cs), which shares
-- the canonical_event function, the lock, the sequence and the tables with this one.

-- The result loses its "duplicate" column (a duplicate now fails instead), so the function is dropped and
-- created again: "create or replace" cannot change a result type.
drop function if exists __schema__.append(text[], bigint[], int[], uuid[], text[], int[], jsonb[], text[], text[], text[], text[], text[], text[], timestamptz[]);

-- Appends events to one or more streams atomically, in one round trip.
-- Expected versions: -1 any, 0 no stream yet, n > 0 exactly n events already.
-- A stream with no events is only locked and checked against its expected version.
-- Raises RC001 (wrong expected version, message = JSON with the actual version). An event id that is already
-- stored fails the insert on events_event_id_unique (23505); either way the caller looks up what is stored.
create or replace function __schema__.append(
    p_stream_ids      text[],
    p_expected        bigint[],
    p_event_streams   int[],
    p_event_ids       uuid[],
    p_event_types     text[],
    p_schema_versions int[],
    p_data            jsonb[],
    p_actor_ids       text[],
    p_actor_roles     text[],
    p_device_ids      text[],
    p_correlation_ids text[],
    p_causation_ids   text[],
    p_command_ids     text[],
    p_occurred_at     timestamptz[])
returns table (stream_id text, stream_version bigint, global_position bigint, transaction_id xid8)
language plpgsql
set plan_cache_mode = force_generic_plan
as $$
declare
    v_stream_count int := coalesce(array_length(p_stream_ids, 1), 0);
    v_event_count  int := coalesce(array_length(p_event_ids, 1), 0);
    v_versions     bigint[];
    v_heads        bytea[];
    v_positions    bigint[];
    v_event_versions bigint[] := '{}';
    v_hashes       bytea[] := '{}';
    v_previous     bytea[] := '{}';
    v_now          timestamptz;
    v_xid          xid8;
    v_stream       int;
    i              int;
begin
    if v_event_count = 0 then
        return;
    end if;

    -- 1. Lock the streams before anything assigns this transaction an id. A later writer of the
    --    same stream therefore always gets a larger transaction id, so the feed's
    --    (transaction_id, global_position) order agrees with every stream's version order.
    perform pg_advisory_xact_lock(k)
       from (select distinct hashtextextended(s, 0) as k from unnest(p_stream_ids) s order by 1) keys;

    -- 2. Optimistic concurrency, per stream. "limit 1" (the key is unique anyway) keeps the read a
    --    primary-key lookup per stream: as a plain join, the generic plan (made without knowing how many
    --    streams are passed) hashes a scan of the whole streams table on every append.
    select array_agg(coalesce(s.version, 0) order by ids.ord), array_agg(coalesce(s.head_hash, '\x'::bytea) order by ids.ord)
      into v_versions, v_heads
      from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
      left join lateral (
          select h.version, h.head_hash from __schema__.streams h where h.stream_id = ids.stream_id limit 1) s on true;

    for i in 1 .. v_stream_count loop
        if p_expected[i] <> -1 and p_expected[i] <> v_versions[i] then
            raise exception using
                errcode = 'RC001',
                -- JSON in the message itself: Npgsql redacts the detail field unless told otherwise.
                message = json_build_object('stream', p_stream_ids[i], 'expected', p_expected[i], 'actual', v_versions[i])::text;
        end if;
    end loop;

    -- 3. Positions, versions and the hash chain. Hashes are computed in one pass of plain
    --    expressions; the rows then go in with a single set-based insert.
    select array_agg(nextval('__schema__.events_position_seq'))
      into v_positions from generate_series(1, v_event_count);
    v_xid := pg_current_xact_id();
    v_now := clock_timestamp();

    for i in 1 .. v_event_count loop
        v_stream := p_event_streams[i];
        v_versions[v_stream] := v_versions[v_stream] + 1;
        v_event_versions[i] := v_versions[v_stream];
        v_previous[i] := v_heads[v_stream];
        v_hashes[i] := sha256(v_heads[v_stream] || __schema__.canonical_event(
            v_positions[i], p_stream_ids[v_stream], v_event_versions[i], p_event_ids[i],
            p_event_types[i], p_schema_versions[i], p_data[i],
            p_actor_ids[i], p_actor_roles[i], p_device_ids[i],
            p_correlation_ids[i], p_causation_ids[i], p_command_ids[i],
            p_occurred_at[i], v_now, v_xid));
        v_heads[v_stream] := v_hashes[i];
    end loop;

    insert into __schema__.events (
        global_position, stream_id, stream_version, event_id, event_type, schema_version, data,
        actor_id, actor_role, device_id, correlation_id, causation_id, command_id,
        occurred_at, recorded_at, transaction_id, previous_hash, hash)
    select pos, p_stream_ids[si], ver, eid, et, sv, d, aid, arole, dev, cor, cau, cmd, occ, v_now, v_xid, prev, h
      from unnest(v_positions, p_event_streams, v_event_versions, p_event_ids, p_event_types, p_schema_versions, p_data,
                  p_actor_ids, p_actor_roles, p_device_ids, p_correlation_ids, p_causation_ids, p_command_ids,
                  p_occurred_at, v_previous, v_hashes)
           as t(pos, si, ver, eid, et, sv, d, aid, arole, dev, cor, cau, cmd, occ, prev, h);

    insert into __schema__.streams as s (stream_id, version, head_hash, created_at, updated_at)
    select ids.stream_id, v_versions[ids.ord], v_heads[ids.ord], v_now, v_now
      from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
     -- A stream without events in this append was only checked: it keeps its row (or lack of one).
     where ids.ord = any(p_event_streams)
    on conflict on constraint streams_pkey do update
       set version = excluded.version, head_hash = excluded.head_hash, updated_at = excluded.updated_at;

    return query
        select p_stream_ids[t.si], t.ver, t.pos, v_xid
          from unnest(p_event_streams, v_event_versions, v_positions) as t(si, ver, pos);
end;
$$;
