using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// Inserts many rows of one entity type with prepared multi-row INSERT statements on the context's connection and
/// transaction, bypassing the change tracker. Table names, column names and value conversions come from the EF model,
/// so the same code writes to SQLite and SQL Server. Store-generated keys are left to the database.
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
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();

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
                    full ??= await PrepareAsync(connection, transaction, head, columns.Count, rowsPerStatement, ct);
                    written += await ExecuteAsync(full, buffer, getters, converters, ct);
                    buffer.Clear();
                }
            }
            if (buffer.Count > 0)
            {
                await using var tail = await PrepareAsync(connection, transaction, head, columns.Count, buffer.Count, ct);
                written += await ExecuteAsync(tail, buffer, getters, converters, ct);
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

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction? transaction, string head,
        int columnCount, int rowCount, CancellationToken ct)
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
                var name = $"@p{index++}";
                text.Append(c == 0 ? name : "," + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        await command.PrepareAsync(ct);
        return command;
    }

    private static Task<int> ExecuteAsync<T>(DbCommand command, List<T> rows, IClrPropertyGetter[] getters,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters, CancellationToken ct) where T : class
    {
        var index = 0;
        var parameters = command.Parameters;
        foreach (var row in rows)
        {
            for (var c = 0; c < getters.Length; c++)
            {
                var value = getters[c].GetClrValue(row);
                if (value is not null && converters[c] is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                parameters[index++].Value = value ?? DBNull.Value;
            }
        }
        return command.ExecuteNonQueryAsync(ct);
    }
}
