namespace PatientMessageExchange.Core.Ehr;

public sealed record EhrSyncReport(
    EhrConnection? Connection,
    IReadOnlyList<EhrSyncRun> Runs,
    EhrSyncRun? Selected,
    IReadOnlyList<EhrSyncSkip> Skips,
    IReadOnlyList<EhrWriteBack> OpenWriteBacks,
    int WrittenBack);
