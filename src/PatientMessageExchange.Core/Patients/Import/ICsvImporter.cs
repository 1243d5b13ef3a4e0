namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>One kind of CSV import, so that one upload screen can offer them all.</summary>
public interface ICsvImporter
{
    ImportKind Kind { get; }
    Task<ImportPreview> PreviewAsync(byte[] content, CancellationToken ct = default);
    Task<ImportOutcome> CommitAsync(byte[] content, bool importValidRowsOnly, CancellationToken ct = default);
}
