using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Benchmarks.Campaigns;

/// <summary>
/// B4's baseline: the campaign's message rows, already rendered, written in one transaction with no resolution, no
/// rendering and no EF. On SQLite one prepared single-row INSERT on a plain Microsoft.Data.Sqlite connection; on
/// PostgreSQL a binary COPY through Npgsql, the fastest way that engine takes rows in.
/// </summary>
public static class RawMessageInsert
{
    private const string Columns = "\"CampaignId\", \"BatchId\", \"PatientId\", \"ContactPointId\", \"AppointmentId\", \"Mode\", " +
                                   "\"Channel\", \"Address\", \"Subject\", \"Body\", \"Language\", \"Segments\", \"Cost\", \"Status\", " +
                                   "\"Attempts\", \"FallbackAttempts\", \"NeedsAttention\", \"CreatedUtc\"";

    /// <summary>Inserts the rows into the batches of <paramref name="campaignId"/>, chunked as the factory chunks them.</summary>
    public static async Task<int> InsertAsync(BenchDatabase database, long campaignId, IReadOnlyList<PlannedMessage> messages,
        int batchSize, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var batchIds = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\" FROM \"DispatchBatches\" WHERE \"CampaignId\" = @campaign ORDER BY \"Id\"";
            BenchDatabase.AddParameter(read, "@campaign", campaignId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                batchIds.Add(reader.GetInt64(0));
            }
        }
        var rows = messages.GroupBy(m => m.Mode.ToChannel())
            .SelectMany(g => g.Chunk(batchSize).Select(chunk => (Channel: g.Key, Messages: chunk)))
            .SelectMany((g, i) => g.Messages.Select(m => new Row(batchIds[i], g.Channel, m)))
            .ToList();
        var now = DateTimeOffset.UtcNow;
        return connection is NpgsqlConnection npgsql
            ? await CopyAsync(npgsql, campaignId, rows, now, ct)
            : await InsertOneByOneAsync((SqliteConnection)connection, database, campaignId, rows, now, ct);
    }

    private static async Task<int> InsertOneByOneAsync(SqliteConnection connection, BenchDatabase database, long campaignId,
        List<Row> rows, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"""
            INSERT INTO "Messages" ({Columns})
            VALUES ($campaign, $batch, $patient, $point, $appointment, $mode, $channel, $address, $subject,
                $body, $language, $segments, $cost, {(int)MessageStatus.Queued}, 0, 0, 0, $created)
            """;
        string[] names = ["$campaign", "$batch", "$patient", "$point", "$appointment", "$mode", "$channel", "$address",
            "$subject", "$body", "$language", "$segments", "$cost", "$created"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insert.Prepare();
        var created = database.Time(now);
        var written = 0;
        foreach (var (batch, channel, m) in rows)
        {
            var p = insert.Parameters;
            p[0].Value = campaignId;
            p[1].Value = batch;
            p[2].Value = (object?)m.PatientId ?? DBNull.Value;
            p[3].Value = (object?)m.ContactPointId ?? DBNull.Value;
            p[4].Value = (object?)m.AppointmentId ?? DBNull.Value;
            p[5].Value = (int)m.Mode;
            p[6].Value = (int)channel;
            p[7].Value = m.Address;
            p[8].Value = (object?)m.Subject ?? DBNull.Value;
            p[9].Value = m.Body;
            p[10].Value = (object?)m.Language ?? DBNull.Value;
            p[11].Value = m.Segments;
            p[12].Value = m.Cost;
            p[13].Value = created;
            written += await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return written;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, long campaignId, List<Row> rows, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY \"Messages\" ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (batch, channel, m) in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(campaignId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(batch, NpgsqlDbType.Bigint, ct);
                await WriteNullableAsync(copy, m.PatientId, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, m.ContactPointId, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, m.AppointmentId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)m.Mode, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)channel, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(m.Address, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, m.Subject, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(m.Body, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, m.Language, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(m.Segments, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(m.Cost, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)MessageStatus.Queued, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private sealed record Row(long Batch, Channel Channel, PlannedMessage Message);
}
