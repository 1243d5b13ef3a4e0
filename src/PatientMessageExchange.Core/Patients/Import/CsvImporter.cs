using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// The shared flow of every CSV import: validate the file, show a preview, then write all valid rows in one
/// transaction. A file with any bad row writes nothing unless the caller asks for the valid rows only.
/// </summary>
/// <remarks>
/// The file is streamed, never held as parsed rows: a pass reads it record by record and hands the valid rows on in
/// batches. The preview is one pass. A commit is two: the first only validates (keeping what duplicate checks need and
/// the first problems), so that a refused file writes nothing; the second validates again, the same way, and writes
/// each batch inside the one transaction, clearing the change tracker after each save. Memory then depends on the batch
/// size and on the keys remembered for duplicate checks, not on the length of the file.
/// </remarks>
public abstract class CsvImporter<TRow>(PmxDbContext db, AuditLog audit) : ICsvImporter where TRow : class
{
    private const int SampleSize = 10;

    /// <summary>Problems kept for the preview; beyond it they are only counted.</summary>
    internal const int IssueLimit = 1_000;

    /// <summary>Rows validated against the store and written per save within the import's one transaction.</summary>
    internal const int CommitBatch = 2_000;

    protected PmxDbContext Db { get; } = db;

    public abstract ImportKind Kind { get; }

    protected abstract IReadOnlyList<ImportField> Fields { get; }

    /// <summary>Validates one record; returns null and adds to <paramref name="issues"/> when it can't be imported.</summary>
    protected abstract TRow? ParseRow(CsvRecordLine record, ImportColumnMap columns, List<ImportIssue> issues);

    /// <summary>Called before each pass over the file: forget what an earlier pass remembered for duplicate checks.</summary>
    protected virtual void BeginPass()
    {
    }

    /// <summary>
    /// Checks that need earlier rows or the database, such as duplicates and unknown references. Called with the rows
    /// that passed <see cref="ParseRow"/>, a batch at a time in file order; returns the ones that may be imported.
    /// </summary>
    protected virtual Task<IReadOnlyList<TRow>> ValidateBatchAsync(IReadOnlyList<TRow> rows,
        List<ImportIssue> issues, CancellationToken ct) => Task.FromResult(rows);

    protected abstract Task<int> CountExistingAsync(IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>Adds or updates the rows in the change tracker; returns how many were new and how many updated.</summary>
    protected abstract Task<(int Created, int Updated)> ApplyAsync(IReadOnlyList<TRow> rows, CancellationToken ct);

    public async Task<ImportPreview> PreviewAsync(byte[] content, CancellationToken ct = default)
    {
        var existing = 0;
        var pass = await RunPassAsync(content, async (batch, token) => existing += await CountExistingAsync(batch, token), ct);
        return new ImportPreview(Kind, CsvDocument.DescribeDelimiter(pass.Delimiter), pass.TotalRows,
            pass.ValidRows, pass.ValidRows - existing, existing, pass.Issues.Ordered(), pass.Issues.Count,
            pass.Columns.IgnoredColumns, pass.Headers, pass.Sample);
    }

    public async Task<ImportOutcome> CommitAsync(byte[] content, bool importValidRowsOnly, CancellationToken ct = default)
    {
        var check = await RunPassAsync(content, (_, _) => Task.CompletedTask, ct);
        if (Refusal(check, importValidRowsOnly) is { } refusal)
        {
            return refusal;
        }

        var strategy = Db.Database.CreateExecutionStrategy();
        var written = await strategy.ExecuteAsync(async () =>
        {
            // One transaction keeps the import all-or-nothing; saving in batches and clearing the change tracker after
            // each keeps memory flat however long the file is (a tracked 250,000-row import took gigabytes).
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            var autoDetect = Db.ChangeTracker.AutoDetectChangesEnabled;
            Db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var counts = (Created: 0, Updated: 0);
                var pass = await RunPassAsync(content, async (batch, token) =>
                {
                    var applied = await ApplyAsync(batch, token);
                    counts = (counts.Created + applied.Created, counts.Updated + applied.Updated);
                    Db.ChangeTracker.DetectChanges();
                    await Db.SaveChangesAsync(token);
                    Db.ChangeTracker.Clear();
                }, ct);
                // The store may have changed since the first pass (a patient deleted meanwhile): the second pass's
                // verdict is the one that holds, and a refusal rolls back what its batches wrote.
                if (Refusal(pass, importValidRowsOnly) is { } late)
                {
                    return new Written(late, pass.TotalRows, pass.ValidRows, counts.Created, counts.Updated);
                }
                audit.Add(AuditActions.ImportCommitted, Kind.ToString(), null,
                    $"{counts.Created} created, {counts.Updated} updated, {pass.TotalRows - pass.ValidRows} rows skipped");
                await Db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Written(null, pass.TotalRows, pass.ValidRows, counts.Created, counts.Updated);
            }
            finally
            {
                Db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                Db.ChangeTracker.Clear();
            }
        });
        if (written.Refusal is { } refused)
        {
            return refused;
        }
        var (created, updated) = (written.Created, written.Updated);
        var skippedRows = written.TotalRows - written.ValidRows;
        var noun = Kind == ImportKind.Patients ? "patients" : "appointments";
        var message = $"Imported {noun}: {created} created, {updated} updated" +
                      (skippedRows > 0 ? $", {skippedRows} invalid row(s) skipped." : ".");
        return new ImportOutcome(true, created, updated, skippedRows, message);
    }

    private static ImportOutcome? Refusal(PassResult pass, bool importValidRowsOnly)
    {
        if (pass.ValidRows == 0)
        {
            return new ImportOutcome(false, 0, 0, pass.TotalRows, "Nothing was imported: the file has no valid rows.");
        }
        if (pass.Issues.Count > 0 && !importValidRowsOnly)
        {
            return new ImportOutcome(false, 0, 0, pass.TotalRows,
                $"Nothing was imported: {pass.Issues.Count} problem(s) were found. Fix the file, or choose to import the valid rows only.");
        }
        return null;
    }

    /// <summary>Reads the file once, validating each row, and hands each batch of valid rows to <paramref name="onBatch"/>.</summary>
    private async Task<PassResult> RunPassAsync(byte[] content, Func<IReadOnlyList<TRow>, CancellationToken, Task> onBatch,
        CancellationToken ct)
    {
        BeginPass();
        using var stream = CsvRecordStream.Open(content);
        var columns = ImportColumnMap.Build(stream.Headers, Fields);
        var issues = new ImportIssueLog(IssueLimit);
        var sample = new List<IReadOnlyList<string>>(SampleSize);
        if (stream.Headers.Count == 0)
        {
            issues.Add(new ImportIssue(1, null, "The file is empty."));
            return new PassResult(stream.Delimiter, stream.Headers, columns, issues, sample, 0, 0);
        }
        foreach (var issue in columns.Issues)
        {
            issues.Add(issue);
        }

        var total = 0;
        var valid = 0;
        var scratch = new List<ImportIssue>();
        var batch = new List<TRow>(CommitBatch);
        async Task FlushAsync()
        {
            var accepted = await ValidateBatchAsync(batch, scratch, ct);
            issues.AddRange(scratch);
            valid += accepted.Count;
            if (accepted.Count > 0)
            {
                await onBatch(accepted, ct);
            }
            batch = new List<TRow>(CommitBatch);
        }

        foreach (var (record, structural) in stream.Read())
        {
            ct.ThrowIfCancellationRequested();
            total++;
            if (record is null)
            {
                issues.Add(structural!);
                continue;
            }
            if (sample.Count < SampleSize)
            {
                sample.Add(record.Fields);
            }
            if (columns.Issues.Count > 0)
            {
                // The header is unusable, so no row can be read; the rows are still counted for the preview.
                continue;
            }
            var row = ParseRow(record, columns, scratch);
            issues.AddRange(scratch);
            if (row is null)
            {
                continue;
            }
            batch.Add(row);
            if (batch.Count == CommitBatch)
            {
                await FlushAsync();
            }
        }
        if (batch.Count > 0)
        {
            await FlushAsync();
        }
        return new PassResult(stream.Delimiter, stream.Headers, columns, issues, sample, total, valid);
    }

    private sealed record Written(ImportOutcome? Refusal, int TotalRows, int ValidRows, int Created, int Updated);

    private sealed record PassResult(char Delimiter, IReadOnlyList<string> Headers, ImportColumnMap Columns,
        ImportIssueLog Issues, IReadOnlyList<IReadOnlyList<string>> Sample, int TotalRows, int ValidRows);
}
