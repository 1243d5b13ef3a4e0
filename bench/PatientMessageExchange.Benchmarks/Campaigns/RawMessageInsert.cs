using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Benchmarks.Campaigns;

/// <summary>
/// B4's baseline: the campaign's message rows, already rendered, written with one prepared single-row INSERT in one
/// transaction on a plain Microsoft.Data.Sqlite connection. No resolution, no rendering, no EF.
/// </summary>
public static class RawMessageInsert
{
    private const string Sql = """
        INSERT INTO Messages (CampaignId, BatchId, PatientId, ContactPointId, AppointmentId, Mode, Channel, Address, Subject,
            Body, Language, Segments, Cost, Status, Attempts, NextAttemptUtc, LeaseUntilUtc, ProviderMessageId, ProviderStatus,
            Error, NeedsAttention, CreatedUtc, SentUtc, CompletedUtc)
        VALUES ($campaign, $batch, $patient, $point, $appointment, $mode, $channel, $address, $subject,
            $body, $language, $segments, $cost, 'Queued', 0, NULL, NULL, NULL, NULL, NULL, 0, $created, NULL, NULL)
        """;

    private static readonly DateTimeOffsetToBinaryConverter Times = new();

    /// <summary>Inserts the rows into the batches of <paramref name="campaignId"/>, chunked as the factory chunks them.</summary>
    public static async Task<int> InsertAsync(string connectionString, long campaignId, IReadOnlyList<PlannedMessage> messages,
        int batchSize, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var batchIds = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM DispatchBatches WHERE CampaignId = $campaign ORDER BY Id";
            read.Parameters.AddWithValue("$campaign", campaignId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                batchIds.Add(reader.GetInt64(0));
            }
        }
        var rows = messages.GroupBy(m => m.Mode.ToChannel())
            .SelectMany(g => g.Chunk(batchSize).Select(chunk => (Channel: g.Key, Messages: chunk)))
            .SelectMany((g, i) => g.Messages.Select(m => (Batch: batchIds[i], g.Channel, Message: m)));
        var now = (long)Times.ConvertToProvider(DateTimeOffset.UtcNow)!;

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = Sql;
        string[] names = ["$campaign", "$batch", "$patient", "$point", "$appointment", "$mode", "$channel", "$address",
            "$subject", "$body", "$language", "$segments", "$cost", "$created"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insert.Prepare();
        var written = 0;
        foreach (var (batch, channel, m) in rows)
        {
            var p = insert.Parameters;
            p[0].Value = campaignId;
            p[1].Value = batch;
            p[2].Value = (object?)m.PatientId ?? DBNull.Value;
            p[3].Value = (object?)m.ContactPointId ?? DBNull.Value;
            p[4].Value = (object?)m.AppointmentId ?? DBNull.Value;
            p[5].Value = m.Mode.ToString();
            p[6].Value = channel.ToString();
            p[7].Value = m.Address;
            p[8].Value = (object?)m.Subject ?? DBNull.Value;
            p[9].Value = m.Body;
            p[10].Value = (object?)m.Language ?? DBNull.Value;
            p[11].Value = m.Segments;
            p[12].Value = m.Cost;
            p[13].Value = now;
            written += await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return written;
    }
}
