namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// A broadcast's rollup. There are no per-recipient delivery receipts for email: <see cref="Sent"/> counts what a mail
/// server accepted; <see cref="Bounced"/> what came back or was refused; <see cref="Unsubscribed"/> the one-click unsubscribes.
/// </summary>
public sealed record BroadcastCounts(int Addresses, int Removed, int Waiting, int Sent, int Bounced, int Failed, int Cancelled,
    int Unsubscribed);
