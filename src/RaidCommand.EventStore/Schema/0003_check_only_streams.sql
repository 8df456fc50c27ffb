-- RaidCommand event store, schema version 3: check-only stream expectations.
-- "__schema__" is replaced by the configured schema name (a validated identifier) before this runs.

-- A stream may now appear in an append with no events: it is locked and its expected version checked in the
-- same transaction as the streams that do get events, and nothing is written to it. This lets a command pin the
-- version of a stream it decided on but does not change (a field entry pins its operation, so an operation
-- concluded meanwhile turns the entry into a conflict and a fresh decision), and makes If-Match hold for a
-- primary stream that gets no events. Until now such a stream's row was rewritten (or created at version 0).
-- The function is otherwise unchanged, and its plan cache setting (migration 2) is restated because
-- "create or replace" resets it.

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
returns table (stream_id text, stream_version bigint, global_position bigint, transaction_id xid8, duplicate boolean)
language plpgsql
set plan_cache_mode = force_generic_plan
as $$
declare
    v_stream_count int := coalesce(array_length(p_stream_ids, 1), 0);
    v_event_count  int := coalesce(array_length(p_event_ids, 1), 0);
    v_versions     bigint[];
    v_heads        bytea[];
    v_found        int;
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

    -- 2. Idempotency: the whole batch already stored is acknowledged with its original positions.
    select count(*) into v_found from __schema__.events e where e.event_id = any(p_event_ids);
    if v_found > 0 then
        if v_found = v_event_count and not exists (
            select 1
              from unnest(p_event_ids, p_event_streams) as sent(event_id, stream_index)
              join __schema__.events e on e.event_id = sent.event_id
             where e.stream_id <> p_stream_ids[sent.stream_index]) then
            return query
                select e.stream_id, e.stream_version, e.global_position, e.transaction_id, true
                  from __schema__.events e
                 where e.event_id = any(p_event_ids)
                 order by e.global_position;
            return;
        end if;
        raise exception using
            errcode = 'RC002',
            message = format('%s of %s event ids in this batch are already stored, in this or another stream', v_found, v_event_count);
    end if;

    -- 3. Optimistic concurrency, per stream.
    select array_agg(coalesce(s.version, 0) order by ids.ord), array_agg(coalesce(s.head_hash, '\x'::bytea) order by ids.ord)
      into v_versions, v_heads
      from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
      left join __schema__.streams s on s.stream_id = ids.stream_id;

    for i in 1 .. v_stream_count loop
        if p_expected[i] <> -1 and p_expected[i] <> v_versions[i] then
            raise exception using
                errcode = 'RC001',
                -- JSON in the message itself: Npgsql redacts the detail field unless told otherwise.
                message = json_build_object('stream', p_stream_ids[i], 'expected', p_expected[i], 'actual', v_versions[i])::text;
        end if;
    end loop;

    -- 4. Positions, versions and the hash chain. Hashes are computed in one pass of plain
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

    -- Streams without events in this batch were only checked: their rows are left untouched.
    insert into __schema__.streams as s (stream_id, version, head_hash, created_at, updated_at)
    select ids.stream_id, v_versions[ids.ord], v_heads[ids.ord], v_now, v_now
      from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
     where ids.ord = any(p_event_streams)
    on conflict on constraint streams_pkey do update
       set version = excluded.version, head_hash = excluded.head_hash, updated_at = excluded.updated_at;

    return query
        select p_stream_ids[t.si], t.ver, t.pos, v_xid, false
          from unnest(p_event_streams, v_event_versions, v_positions) as t(si, ver, pos);
end;
$$;
