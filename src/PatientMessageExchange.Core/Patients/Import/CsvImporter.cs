using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// The shared flow of every CSV import: read and validate the whole file, show a preview, then write all valid rows
/// in one transaction. A file with any bad row writes nothing unless the caller asks for the valid rows only.
/// </summary>
public abstract class CsvImporter<TRow>(PmxDbContext db, AuditLog audit) : ICsvImporter where TRow : class
{
    private const int SampleSize = 10;

    /// <summary>Rows written per save within the import's one transaction.</summary>
    internal const int CommitBatch = 2_000;

    protected PmxDbContext Db { get; } = db;

    public abstract ImportKind Kind { get; }

    protected abstract IReadOnlyList<ImportField> Fields { get; }

    /// <summary>Validates one record; returns null and adds to <paramref name="issues"/> when it can't be imported.</summary>
    protected abstract TRow? ParseRow(CsvRecordLine record, ImportColumnMap columns, List<ImportIssue> issues);

    /// <summary>Checks that need the whole file or the database, such as duplicates and unknown references.</summary>
    protected virtual Task<IReadOnlyList<TRow>> ValidateAgainstStoreAsync(IReadOnlyList<TRow> rows,
        List<ImportIssue> issues, CancellationToken ct) => Task.FromResult(rows);

    protected abstract Task<int> CountExistingAsync(IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>Adds or updates the rows in the change tracker; returns how many were new and how many updated.</summary>
    protected abstract Task<(int Created, int Updated)> ApplyAsync(IReadOnlyList<TRow> rows, CancellationToken ct);

    public async Task<ImportPreview> PreviewAsync(byte[] content, CancellationToken ct = default)
    {
        var parsed = await ParseAsync(content, ct);
        var existing = await CountExistingAsync(parsed.Valid, ct);
        var headers = parsed.Document.Headers.ToList();
        var sample = parsed.Document.Records.Take(SampleSize).Select(r => (IReadOnlyList<string>)r.Fields.ToList()).ToList();
        return new ImportPreview(Kind, CsvDocument.DescribeDelimiter(parsed.Document.Delimiter), parsed.TotalRows,
            parsed.Valid.Count, parsed.Valid.Count - existing, existing, parsed.Issues, parsed.Columns.IgnoredColumns,
            headers, sample);
    }

    public async Task<ImportOutcome> CommitAsync(byte[] content, bool importValidRowsOnly, CancellationToken ct = default)
    {
        var parsed = await ParseAsync(content, ct);
        if (parsed.Valid.Count == 0)
        {
            return new ImportOutcome(false, 0, 0, parsed.TotalRows, "Nothing was imported: the file has no valid rows.");
        }
        if (parsed.Issues.Count > 0 && !importValidRowsOnly)
        {
            return new ImportOutcome(false, 0, 0, parsed.TotalRows,
                $"Nothing was imported: {parsed.Issues.Count} problem(s) were found. Fix the file, or choose to import the valid rows only.");
        }

        // Only the valid rows are needed from here on: the parsed document (every record's fields) is left to the GC
        // rather than captured by the retry lambda below and kept alive for the whole write.
        var valid = parsed.Valid;
        var totalRows = parsed.TotalRows;
        var strategy = Db.Database.CreateExecutionStrategy();
        var (created, updated) = await strategy.ExecuteAsync(async () =>
        {
            // One transaction keeps the import all-or-nothing; saving in batches and clearing the change tracker after
            // each keeps memory flat however long the file is (a tracked 250,000-row import took gigabytes).
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            var autoDetect = Db.ChangeTracker.AutoDetectChangesEnabled;
            Db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var counts = (Created: 0, Updated: 0);
                foreach (var batch in valid.Chunk(CommitBatch))
                {
                    var applied = await ApplyAsync(batch, ct);
                    counts = (counts.Created + applied.Created, counts.Updated + applied.Updated);
                    Db.ChangeTracker.DetectChanges();
                    await Db.SaveChangesAsync(ct);
                    Db.ChangeTracker.Clear();
                }
                var skipped = totalRows - valid.Count;
                audit.Add(AuditActions.ImportCommitted, Kind.ToString(), null,
                    $"{counts.Created} created, {counts.Updated} updated, {skipped} rows skipped");
                await Db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return counts;
            }
            finally
            {
                Db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                Db.ChangeTracker.Clear();
            }
        });
        var skippedRows = totalRows - valid.Count;
        var noun = Kind == ImportKind.Patients ? "patients" : "appointments";
        var message = $"Imported {noun}: {created} created, {updated} updated" +
                      (skippedRows > 0 ? $", {skippedRows} invalid row(s) skipped." : ".");
        return new ImportOutcome(true, created, updated, skippedRows, message);
    }

    private async Task<ParsedRows<TRow>> ParseAsync(byte[] content, CancellationToken ct)
    {
        var document = CsvDocument.Parse(content);
        var columns = ImportColumnMap.Build(document.Headers, Fields);
        var issues = new List<ImportIssue>(document.StructuralIssues);
        var total = document.Records.Count + document.StructuralIssues.Count;
        if (document.Headers.Count == 0)
        {
            issues.Add(new ImportIssue(1, null, "The file is empty."));
            return new ParsedRows<TRow>(document, columns, [], issues, 0);
        }
        if (columns.Issues.Count > 0)
        {
            issues.InsertRange(0, columns.Issues);
            return new ParsedRows<TRow>(document, columns, [], issues, total);
        }
        var rows = new List<TRow>(document.Records.Count);
        foreach (var record in document.Records)
        {
            var row = ParseRow(record, columns, issues);
            if (row is not null)
            {
                rows.Add(row);
            }
        }
        var valid = await ValidateAgainstStoreAsync(rows, issues, ct);
        issues.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ParsedRows<TRow>(document, columns, valid, issues, total);
    }
}
