namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// What one family's parser read. <see cref="DelayOnly"/> is a warning that delivery is still being tried, which is
/// not a bounce.
/// </summary>
public sealed record TextBounceResult(string Family, IReadOnlyList<TextBounceEntry> Entries, bool DelayOnly = false)
{
    public static TextBounceResult Delay(string family) => new(family, [], DelayOnly: true);
}
