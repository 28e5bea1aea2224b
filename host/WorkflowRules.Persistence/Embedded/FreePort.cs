using System.Net;
using System.Net.Sockets;

namespace WorkflowRules.Persistence.Embedded;

internal static class FreePort
{
    /// <summary>A port free on 127.0.0.1 right now (another process may still take it before the server binds).</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
