namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public static class UriExtensions
{
    /// <summary>The path and query of a redirect target, whether the app wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
