using System.Net;
using System.Net.Sockets;

namespace RaidCommand.EmbeddedPostgres;

internal static class FreePort
{
    /// <summary>Asks the kernel for an unused loopback port by binding port 0, then releases it for postgres to take.</summary>
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
