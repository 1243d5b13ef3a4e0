namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// The unique addresses a broadcast goes to, and what was left out on the way: duplicates (counted), and removed
/// addresses with their reason. <see cref="Problems"/> are things the user must fix, such as an unreadable file.
/// </summary>
public sealed record BroadcastList(
    IReadOnlyList<BroadcastRecipient> Recipients,
    IReadOnlyList<RemovedAddress> Removed,
    int Candidates,
    int Duplicates,
    string Description,
    IReadOnlyList<string> Problems)
{
    public int Count => Recipients.Count;

    public IReadOnlyDictionary<RemovalReason, int> RemovedByReason =>
        Removed.GroupBy(r => r.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
}
