using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// Once the server has bound (the port may be chosen at start), hands its addresses to <see cref="PublicLinks"/>, so
/// that links in emails from the embedded default point at the running app rather than at port 80.
/// </summary>
public sealed class ListeningAddressPublisher(IHostApplicationLifetime lifetime, IServiceProvider services, PublicLinks links)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not null)
            {
                links.UseListeningAddresses(addresses);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
