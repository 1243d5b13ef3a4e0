namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Several receiving servers refused the practice's own mail lately (authentication, SPF/DKIM/DMARC, reputation,
/// policy): the sending setup needs an administrator, not the patients' addresses. <see cref="Statuses"/> are the most
/// frequent status codes, most frequent first.
/// </summary>
public sealed record BlockedWarning(int Count, int Days, IReadOnlyList<string> Statuses);
