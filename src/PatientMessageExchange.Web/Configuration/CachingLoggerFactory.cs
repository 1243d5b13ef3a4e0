using System.Collections.Concurrent;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// The app's logger factory with one logger per category, for EF Core. EF asks its factory for a dozen category
/// loggers for every <c>DbContext</c> it creates (every request, and more), and Serilog's factory builds a new logger,
/// each with a dictionary of its own, on every call. Loggers are thread-safe and decide what is enabled on every call,
/// so sharing them changes nothing that is logged.
/// </summary>
public sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the host, which disposes it.
    public void Dispose()
    {
    }
}
