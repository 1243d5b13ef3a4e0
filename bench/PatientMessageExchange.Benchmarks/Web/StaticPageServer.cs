using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatientMessageExchange.Benchmarks.Web;

/// <summary>
/// B6's baseline: a bare Kestrel endpoint on a free loopback port writing captured page bytes, with nothing else in
/// the pipeline: no authentication, no MVC, no database.
/// </summary>
public sealed class StaticPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticPageServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StaticPageServer> StartAsync(IReadOnlyDictionary<string, byte[]> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        foreach (var (page, body) in pages)
        {
            // A page may carry a query string (the report's period); the bare endpoint answers its path whatever the query.
            app.MapGet(page.Split('?')[0], (HttpContext context) =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = body.Length;
                return context.Response.Body.WriteAsync(body).AsTask();
            });
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticPageServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
