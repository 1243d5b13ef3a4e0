namespace PatientMessageExchange.Core.Dispatch;

public sealed record SweepReport(int CampaignsStarted, int LeasesExpired, int BatchesEnqueued, int MessagesFlagged, int FallbacksDecided = 0);
