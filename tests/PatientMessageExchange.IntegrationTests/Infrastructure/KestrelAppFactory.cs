using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on Kestrel, on a free loopback port: for a real browser, or for what only the real server does
/// (request size limits, the status line, the Server header).
/// </summary>
public class KestrelAppFactory : PmxAppFactory
{
    public KestrelAppFactory(DateTimeOffset? clockStart = null) : base(clockStart)
    {
        // A fixed or default port may be taken on a shared machine; the OS picks a free one.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("The server did not report its address.");
            return new Uri(addresses.Addresses.First());
        }
    }
}
