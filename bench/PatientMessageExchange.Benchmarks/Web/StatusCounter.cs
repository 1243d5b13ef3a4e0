using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PatientMessageExchange.Benchmarks.Web;

/// <summary>
/// Counts the status codes the app answered, from the outermost middleware. wrk counts a 302 to the login page as a
/// success, so this is how the benchmark knows every measured request really rendered the signed-in page.
/// </summary>
public sealed class StatusCounter : IStartupFilter
{
    private readonly ConcurrentDictionary<int, int> _counts = new();

    public IReadOnlyDictionary<int, int> Snapshot() => new Dictionary<int, int>(_counts);

    public void Reset() => _counts.Clear();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            await proceed(context);
            _counts.AddOrUpdate(context.Response.StatusCode, 1, (_, n) => n + 1);
        });
        next(app);
    };
}
