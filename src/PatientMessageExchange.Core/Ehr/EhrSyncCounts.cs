namespace PatientMessageExchange.Core.Ehr;

internal sealed class EhrSyncCounts
{
    public int Created;
    public int Updated;
    public int Unchanged;
    public List<EhrSyncSkip> Skips { get; } = [];

    public void Skip(string resourceType, string? resourceId, string reason) =>
        Skips.Add(new EhrSyncSkip
        {
            ResourceType = resourceType,
            ResourceId = Truncate(resourceId ?? "(no id)", 64),
            Reason = Truncate(reason, 1000),
        });

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
