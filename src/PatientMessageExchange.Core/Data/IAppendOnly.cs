namespace PatientMessageExchange.Core.Data;

/// <summary>Marks an entity whose rows are written once and never updated or deleted; corrections are new rows.</summary>
public interface IAppendOnly;
