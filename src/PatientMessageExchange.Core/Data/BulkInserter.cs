using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// Inserts many rows of one entity type with prepared multi-row INSERT statements on the context's connection and
/// transaction, bypassing the change tracker. Table names, column names and value conversions come from the EF model,
/// so the same code writes to SQLite, SQL Server and PostgreSQL. Store-generated keys are left to the database.
/// </summary>
public static class BulkInserter
{
    // SQL Server allows 2,100 parameters per statement; stay well under it. Many rows per statement there save
    // round trips to the server.
    private const int MaxParameters = 2000;

    // SQLite runs in-process, so a statement costs no round trip, but Microsoft.Data.Sqlite binds every parameter
    // by name on each execution and SQLite finds a name by scanning the statement's parameter list: binding costs
    // grow with the square of the parameters per statement. At 83 rows × 24 columns that made storing a campaign
    // several times slower than a plain single-row insert (B4). A few rows per statement keeps binding linear: at
    // 200 parameters (8 message rows) the store still took 1.85× the raw insert, at 48 (2 rows) 1.09×, at 24 1.11×.
    internal static int SqliteParametersPerStatement { get; set; } = 48;

    public static async Task<int> InsertAsync<T>(PmxDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never || !p.IsPrimaryKey())
            .Where(p => p.GetColumnName(table) is not null)
            .ToList();
        var maxParameters = db.Database.IsSqlite() ? SqliteParametersPerStatement : MaxParameters;
        var rowsPerStatement = Math.Max(1, Math.Min(500, maxParameters / columns.Count));
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var nullable = columns.Select(c => c.IsNullable).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var shape = new RowShape(mappings, nullable, getters);

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        DbCommand? full = null;
        var buffer = new List<T>(rowsPerStatement);
        var written = 0;
        try
        {
            foreach (var row in rows)
            {
                buffer.Add(row);
                if (buffer.Count == rowsPerStatement)
                {
                    full ??= CreateCommand(connection, transaction, head, columns.Count, rowsPerStatement);
                    written += await ExecuteAsync(full, buffer, shape, ct);
                    buffer.Clear();
                }
            }
            if (buffer.Count > 0)
            {
                await using var tail = CreateCommand(connection, transaction, head, columns.Count, buffer.Count);
                written += await ExecuteAsync(tail, buffer, shape, ct);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        return written;
    }

    /// <summary>
    /// The statement's text for a number of rows. It is never prepared explicitly: SQL Server refuses to prepare
    /// parameters without a type, and the types (a string's size, above all) are only known once the values are.
    /// SQLite prepares a command's statement on its first execution and reuses it for as long as the text stays the
    /// same, so reusing the command for every full statement keeps that saving there.
    /// </summary>
    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string head,
        int columnCount, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new System.Text.StringBuilder(head, head.Length + rowCount * columnCount * 8);
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < columnCount; c++)
            {
                var name = ParameterName(index++);
                text.Append(c == 0 ? name : "," + name);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private static readonly List<string> ParameterNames = [];

    private static string ParameterName(int index)
    {
        lock (ParameterNames)
        {
            while (ParameterNames.Count <= index)
            {
                ParameterNames.Add($"@p{ParameterNames.Count}");
            }
            return ParameterNames[index];
        }
    }

    /// <summary>
    /// Binds a statement's values through each column's EF type mapping, which converts the value and sets the
    /// parameter's database type (and, on SQL Server, its size) exactly as SaveChanges would.
    /// </summary>
    private static Task<int> ExecuteAsync<T>(DbCommand command, List<T> rows, RowShape shape, CancellationToken ct)
        where T : class
    {
        var index = 0;
        var parameters = command.Parameters;
        parameters.Clear();
        foreach (var row in rows)
        {
            for (var c = 0; c < shape.Getters.Length; c++)
            {
                var mapping = shape.Mappings[c];
                var value = shape.Getters[c].GetClrValue(row);
                parameters.Add(mapping.CreateParameter(command, ParameterName(index++), value, shape.Nullable[c]));
            }
        }
        return command.ExecuteNonQueryAsync(ct);
    }

    private sealed record RowShape(RelationalTypeMapping[] Mappings, bool[] Nullable, IClrPropertyGetter[] Getters);
}
