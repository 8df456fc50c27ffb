using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using RaidCommand.Server.Live;

namespace RaidCommand.Server.Tests.Live;

/// <summary>
/// One subscription's outbox in front of a real SignalR connection whose client reads nothing until told to: what
/// waits behind a busy socket is written in order, and a client that falls too far behind is disconnected.
/// </summary>
public sealed class LiveSubscriptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);
    private static readonly Guid Operation = Guid.NewGuid();

    [Fact]
    public async Task Messages_sent_while_the_socket_is_busy_are_written_after_it_in_the_order_sent()
    {
        var (connection, client) = StalledConnection();

        SendEach(new LiveSubscription(connection, Operation, revealsPersonalData: true, capacity: 10), Positions(5));

        Assert.Equal(Positions(5), await ReadPositionsAsync(client));
        Assert.False(connection.ConnectionAborted.IsCancellationRequested);
    }

    [Fact]
    public async Task A_client_with_more_than_the_capacity_waiting_is_disconnected_and_sent_nothing_more()
    {
        var (connection, client) = StalledConnection();
        var subscription = new LiveSubscription(connection, Operation, revealsPersonalData: true, capacity: 3);

        // The first is being written (the client reads nothing), three wait, and the fifth is one too many.
        SendEach(subscription, Positions(5));

        await WaitForAsync(connection.ConnectionAborted);
        SendEach(subscription, ["0-6"]);
        Assert.Equal(Positions(1), await ReadPositionsAsync(client));
    }

    private static void SendEach(LiveSubscription subscription, IEnumerable<string> positions)
    {
        foreach (var position in positions)
        {
            subscription.Send(LiveMessages.CaughtUp(new CaughtUp(Operation, position)));
        }
    }

    private static string[] Positions(int count) => [.. Enumerable.Range(1, count).Select(i => $"0-{i}")];

    /// <summary>A hub connection over in-memory pipes whose writer stalls on every write until the client reads.</summary>
    private static (HubConnectionContext Connection, PipeReader Client) StalledConnection()
    {
        var toClient = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var fromClient = new Pipe();
        var transport = new DuplexPipe(fromClient.Reader, toClient.Writer);
        var application = new DuplexPipe(toClient.Reader, fromClient.Writer);
        var context = new DefaultConnectionContext(Guid.NewGuid().ToString(), transport, application);
        var connection = new HubConnectionContext(context, new HubConnectionContextOptions(), NullLoggerFactory.Instance)
        {
            Protocol = new JsonHubProtocol(),
        };
        return (connection, toClient.Reader);
    }

    /// <summary>
    /// The positions of everything written to the client until nothing more comes for a while. The abort does not
    /// complete the test's end of the pipe, so silence is the only sign that a connection has written its last.
    /// </summary>
    private static async Task<List<string>> ReadPositionsAsync(PipeReader client)
    {
        var positions = new List<string>();
        var pending = new StringBuilder();
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            quiet.CancelAfter(Silence);
            ReadResult read;
            try
            {
                read = await client.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
                return positions;
            }

            pending.Append(Encoding.UTF8.GetString(read.Buffer));
            client.AdvanceTo(read.Buffer.End);
            positions.AddRange(TakeFrames(pending));
        }
    }

    /// <summary>The caughtUp positions of the complete frames (JSON protocol: each ends with 0x1E).</summary>
    private static List<string> TakeFrames(StringBuilder pending)
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\u001e');
        if (end < 0)
        {
            return [];
        }

        pending.Remove(0, end + 1);
        return text[..end].Split('\u001e').Select(frame =>
        {
            using var json = JsonDocument.Parse(frame);
            Assert.Equal("caughtUp", json.RootElement.GetProperty("target").GetString());
            return json.RootElement.GetProperty("arguments")[0].GetProperty("position").GetString()!;
        }).ToList();
    }

    private static async Task WaitForAsync(CancellationToken aborted)
    {
        var signalled = new TaskCompletionSource();
        await using var registration = aborted.Register(() => signalled.TrySetResult());
        await signalled.Task.WaitAsync(Patience, CancellationToken.None);
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
