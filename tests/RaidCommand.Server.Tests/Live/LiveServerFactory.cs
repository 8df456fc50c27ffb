using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Live;

/// <summary>The server on a real loopback port (SignalR's WebSockets need one), against the fixture's database.</summary>
public class LiveServerFactory : RaidCommandApiFactory
{
    public LiveServerFactory() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }
}

/// <summary>Another node: a second host on the same database and signing key as <paramref name="first"/>.</summary>
public sealed class SecondNode(LiveServerFactory first) : LiveServerFactory
{
    public override string SigningKey => first.SigningKey;

    public override string ConnectionString => first.ConnectionString;
}
