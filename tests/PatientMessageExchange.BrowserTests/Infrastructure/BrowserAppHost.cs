using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Infrastructure;

/// <summary>The real app on Kestrel, on a free loopback port, for a real browser to reach.</summary>
public sealed class BrowserAppHost(DateTimeOffset? clockStart = null) : KestrelAppFactory(clockStart);
