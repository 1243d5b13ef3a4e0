namespace PatientMessageExchange.Core.Audit;

public sealed class SystemActor : IActorContext
{
    public static readonly SystemActor Instance = new();

    public string? UserId => null;
    public string UserName => "system";
    public string? IpAddress => null;
}
