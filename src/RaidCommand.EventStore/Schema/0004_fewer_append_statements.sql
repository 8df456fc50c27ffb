-- RaidCommand event store, schema version 4: fewer statements per append, same behaviour.
-- "__schema__" is replaced by the configured schema name (a validated identifier) before this runs.
--
-- Each SQL statement in PL/pgSQL costs an executor start-up and shut-down even with a cached plan; for a
-- single-event append those fixed costs, not the rows, were most of the function's time. Version 3 ran
-- six statements on every append (stream locks, idempotency probe, stream heads, positions, events insert,
-- streams upsert) plus the result. This version runs three on the common path:
--   1. the stream locks;
--   2. the stream heads;
--   3. one statement that inserts the events, upserts the stream heads and returns the result.
-- The idempotency probe moved behind the events' unique event_id index: the insert skips ids already stored
-- ("on conflict (event_id) do nothing"), and only when it stored fewer rows than it was given (or when an
-- expected version does not match, since a retry may carry a stale one) does the function look at what is
-- stored: all of the batch in the same streams is acknowledged with the original positions, anything else is
-- refused (RC002). Nothing of a refused or acknowledged batch stays written: the refusal rolls back, and the
-- streams upsert only runs when every event went in. Positions, versions and the hash chain are computed
-- exactly as before (same canonical text, same SHA-256 chain).
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
    v_stream_count   int := coalesce(cardinality(p_stream_ids), 0);
    v_event_count    int := coalesce(cardinality(p_event_ids), 0);
    v_versions       bigint[];
    v_heads          bytea[];
    v_positions      bigint[] := '{}';
    v_event_versions bigint[] := '{}';
    v_hashes         bytea[] := '{}';
    v_previous       bytea[] := '{}';
    v_now            timestamptz;
    v_xid            xid8;
    v_stream         int;
    v_written        bigint;
    i                int;
begin
    if v_event_count = 0 then
        return;
    end if;

    -- 1. Lock the streams before anything assigns this transaction an id. A later writer of the
    --    same stream therefore always gets a larger transaction id, so the feed's
    --    (transaction_id, global_position) order agrees with every stream's version order.
    --    (The heads are read in a statement of their own: a statement's snapshot is taken before it
    --    waits for a lock, so a read folded into the locking statement could miss the previous holder's commit.)
    perform pg_advisory_xact_lock(k)
       from (select distinct hashtextextended(s, 0) as k from unnest(p_stream_ids) s order by 1) keys;

    -- 2. Stream heads, then optimistic concurrency per stream.
    select array_agg(coalesce(s.version, 0) order by ids.ord), array_agg(coalesce(s.head_hash, '\x'::bytea) order by ids.ord)
      into v_versions, v_heads
      from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
      -- "limit 1" (the key is unique anyway) keeps this a primary-key lookup per stream: as a plain join the
      -- cached generic plan, made without knowing how many streams are passed, hashes a scan of the whole table.
      left join lateral (
          select h.version, h.head_hash from __schema__.streams h where h.stream_id = ids.stream_id limit 1) s on true;

    for i in 1 .. v_stream_count loop
        if p_expected[i] <> -1 and p_expected[i] <> v_versions[i] then
            -- A resent batch is acknowledged whatever its (by now stale) expectations say.
            return query select * from __schema__.append_stored(p_stream_ids, p_event_streams, p_event_ids);
            if found then
                return;
            end if;
            -- Part of the batch stored is refused as such, as when the versions match.
            if exists (select 1 from __schema__.events e where e.event_id = any(p_event_ids)) then
                raise exception using
                    errcode = 'RC002',
                    message = 'event ids in this batch are already stored, in this or another stream';
            end if;
            raise exception using
                errcode = 'RC001',
                -- JSON in the message itself: Npgsql redacts the detail field unless told otherwise.
                message = json_build_object('stream', p_stream_ids[i], 'expected', p_expected[i], 'actual', v_versions[i])::text;
        end if;
    end loop;

    -- 3. Positions, versions and the hash chain, in one pass of plain expressions.
    v_xid := pg_current_xact_id();
    v_now := clock_timestamp();
    for i in 1 .. v_event_count loop
        v_stream := p_event_streams[i];
        v_versions[v_stream] := v_versions[v_stream] + 1;
        v_positions[i] := nextval('__schema__.events_position_seq');
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

    -- 4. Events, stream heads and the result in one statement. Stored event ids are skipped by the insert;
    --    the heads move only if every event went in (otherwise the batch is acknowledged or refused below).
    return query
        with inserted as (
            insert into __schema__.events as e (
                global_position, stream_id, stream_version, event_id, event_type, schema_version, data,
                actor_id, actor_role, device_id, correlation_id, causation_id, command_id,
                occurred_at, recorded_at, transaction_id, previous_hash, hash)
            select pos, p_stream_ids[si], ver, eid, et, sv, d, aid, arole, dev, cor, cau, cmd, occ, v_now, v_xid, prev, h
              from unnest(v_positions, p_event_streams, v_event_versions, p_event_ids, p_event_types, p_schema_versions, p_data,
                          p_actor_ids, p_actor_roles, p_device_ids, p_correlation_ids, p_causation_ids, p_command_ids,
                          p_occurred_at, v_previous, v_hashes)
                   as t(pos, si, ver, eid, et, sv, d, aid, arole, dev, cor, cau, cmd, occ, prev, h)
            on conflict (event_id) do nothing
            returning e.stream_id, e.stream_version, e.global_position
        ), heads as (
            insert into __schema__.streams as s (stream_id, version, head_hash, created_at, updated_at)
            select ids.stream_id, v_versions[ids.ord], v_heads[ids.ord], v_now, v_now
              from unnest(p_stream_ids) with ordinality as ids(stream_id, ord)
             -- A stream without events in this append was only checked: it keeps its row (or lack of one).
             where ids.ord = any(p_event_streams)
               and (select count(*) from inserted) = v_event_count
            on conflict on constraint streams_pkey do update
               set version = excluded.version, head_hash = excluded.head_hash, updated_at = excluded.updated_at
        )
        select i.stream_id, i.stream_version, i.global_position, v_xid, false
          from inserted i
         order by i.global_position;

    get diagnostics v_written = row_count;
    if v_written = v_event_count then
        return;
    end if;
    if v_written = 0 then
        return query select * from __schema__.append_stored(p_stream_ids, p_event_streams, p_event_ids);
        if found then
            return;
        end if;
    end if;
    raise exception using
        errcode = 'RC002',
        message = format('%s of %s event ids in this batch are already stored, in this or another stream',
                         v_event_count - v_written, v_event_count);
end;
$$;

-- The original positions of a batch whose event ids are all stored already, each in the stream it is sent to
-- now; no rows when that is not so. Used by append for a resent batch.
create or replace function __schema__.append_stored(p_stream_ids text[], p_event_streams int[], p_event_ids uuid[])
returns table (stream_id text, stream_version bigint, global_position bigint, transaction_id xid8, duplicate boolean)
language sql stable
as $$
    select e.stream_id, e.stream_version, e.global_position, e.transaction_id, true
      from __schema__.events e
     where e.event_id = any(p_event_ids)
       and (select count(*)
              from unnest(p_event_ids, p_event_streams) as sent(event_id, stream_index)
              join __schema__.events stored on stored.event_id = sent.event_id
                                            and stored.stream_id = p_stream_ids[sent.stream_index])
           = cardinality(p_event_ids)
     order by e.global_position;
$$;
