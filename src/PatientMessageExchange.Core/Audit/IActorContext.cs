namespace PatientMessageExchange.Core.Audit;

/// <summary>Who is acting right now: the signed-in user of a request, or the system for background jobs.</summary>
public interface IActorContext
{
    string? UserId { get; }
    string UserName { get; }
    string? IpAddress { get; }
}
