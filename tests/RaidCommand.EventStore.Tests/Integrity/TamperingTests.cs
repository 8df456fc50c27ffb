using RaidCommand.EventStore.Integrity;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Integrity;

public sealed class TamperingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_untouched_store_verifies_intact_with_its_chain_heads()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;

        var verification = await test.Verifier.VerifyAllAsync();

        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
        Assert.Equal((2L, 8L), (verification.StreamsChecked, verification.EventsChecked));
        Assert.Equal(streams.Order(StringComparer.Ordinal), verification.ChainHeads.Keys);
    }

    [Fact]
    public async Task An_updated_payload_is_found_at_its_version()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"update __schema__.events set data = jsonb_set(data, '{{count}}', '999') where stream_id = '{streams[0]}' and stream_version = 3");

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[0], 3L), (broken.StreamId, broken.StreamVersion));
        Assert.Contains("altered", broken.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor_id = 'someone-else'")]
    [InlineData("occurred_at = occurred_at - interval '1 hour'")]
    [InlineData("event_type = 'thing-renamed'")]
    public async Task An_updated_attribution_or_time_is_found(string change)
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"update __schema__.events set {change} where stream_id = '{streams[1]}' and stream_version = 2");

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[1], 2L), (broken.StreamId, broken.StreamVersion));
    }

    [Fact]
    public async Task A_deleted_event_in_the_middle_is_found()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"delete from __schema__.events where stream_id = '{streams[0]}' and stream_version = 2");

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[0], 3L), (broken.StreamId, broken.StreamVersion));
    }

    [Fact]
    public async Task A_deleted_last_event_is_found_by_the_stream_head()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"delete from __schema__.events where stream_id = '{streams[0]}' and stream_version = 4");

        var broken = await BrokenLinkAsync(test);

        Assert.Equal(streams[0], broken.StreamId);
        Assert.Contains("head", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_global_positions_are_found()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        var first = await test.ScalarAsync($"select global_position from __schema__.events where stream_id = '{streams[0]}' and stream_version = 1");
        var second = await test.ScalarAsync($"select global_position from __schema__.events where stream_id = '{streams[0]}' and stream_version = 2");
        await test.ExecuteAsync($"""
            update __schema__.events set global_position = -1 where global_position = {first};
            update __schema__.events set global_position = {first} where global_position = {second};
            update __schema__.events set global_position = {second} where global_position = -1;
            """);

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[0], 1L), (broken.StreamId, broken.StreamVersion));
    }

    [Fact]
    public async Task Swapped_stream_versions_are_found()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"""
            update __schema__.events set stream_version = -1 where stream_id = '{streams[0]}' and stream_version = 2;
            update __schema__.events set stream_version = 2 where stream_id = '{streams[0]}' and stream_version = 3;
            update __schema__.events set stream_version = 3 where stream_id = '{streams[0]}' and stream_version = -1;
            """);

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[0], 2L), (broken.StreamId, broken.StreamVersion));
    }

    [Fact]
    public async Task An_inserted_event_is_found()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        // A forger copies a real row's hashes onto a new row appended to the stream.
        await test.ExecuteAsync($"""
            insert into __schema__.events
            select nextval('__schema__.events_position_seq'), stream_id, 5, gen_random_uuid(), event_type, schema_version, data,
                   actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, recorded_at, transaction_id, hash, hash
              from __schema__.events where stream_id = '{streams[0]}' and stream_version = 4;
            update __schema__.streams set version = 5 where stream_id = '{streams[0]}';
            """);

        var broken = await BrokenLinkAsync(test);

        Assert.Equal((streams[0], 5L), (broken.StreamId, broken.StreamVersion));
    }

    [Fact]
    public async Task Swapped_chain_heads_are_found()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"""
            update __schema__.streams s set head_hash = o.head_hash
              from __schema__.streams o where s.stream_id <> o.stream_id and s.stream_id in ('{streams[0]}', '{streams[1]}') and o.stream_id in ('{streams[0]}', '{streams[1]}');
            """);

        var broken = await BrokenLinkAsync(test);

        Assert.Contains("head", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_stream_can_be_verified_on_its_own()
    {
        var (test, streams) = await SeedAsync();
        using var _ = test;
        await test.ExecuteAsync($"update __schema__.events set data = '{{}}' where stream_id = '{streams[1]}' and stream_version = 1");

        var clean = await test.Verifier.VerifyStreamAsync(streams[0]);
        var tampered = await test.Verifier.VerifyStreamAsync(streams[1]);

        Assert.True(clean.IsIntact);
        Assert.Equal(4, clean.EventsChecked);
        Assert.False(tampered.IsIntact);
        Assert.Equal(1, tampered.FirstBrokenLink!.StreamVersion);
    }

    private async Task<(TestStore Test, string[] Streams)> SeedAsync()
    {
        var test = await TestStore.CreateAsync(database.DataSource);
        string[] streams = [TestEvents.NewStreamId(), TestEvents.NewStreamId()];
        var metadata = new EventMetadata { ActorId = "officer-1", ActorRole = "field-officer", DeviceId = "phone-1" };
        for (var i = 1; i <= 4; i++)
        {
            await test.Store.AppendAsync(
            [
                new StreamAppend(streams[0], ExpectedVersion.Any, [TestEvents.Happened($"a{i}", i, metadata: metadata)]),
                new StreamAppend(streams[1], ExpectedVersion.Any, [TestEvents.Happened($"b{i}", i, metadata: metadata)]),
            ]);
        }

        return (test, streams);
    }

    private static async Task<BrokenLink> BrokenLinkAsync(TestStore test)
    {
        var verification = await test.Verifier.VerifyAllAsync();
        Assert.False(verification.IsIntact, "Tampering went unnoticed.");
        return verification.FirstBrokenLink!;
    }
}
