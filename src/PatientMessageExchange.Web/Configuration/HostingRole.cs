namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// What this process does. The embedded default does everything; in production the <c>web</c> service serves pages
/// and the scalable <c>worker</c> service only runs background jobs.
/// </summary>
public enum HostingRole
{
    All,
    Web,
    Worker,
}
