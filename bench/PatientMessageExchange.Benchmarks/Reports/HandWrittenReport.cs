using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Benchmarks.Reports;

/// <summary>
/// The baseline: the same figures from hand-written SQL on the same indexes, read with the engine's plain data reader
/// (Microsoft.Data.Sqlite or Npgsql). The SQL is written once in the dialect both engines accept (quoted identifiers,
/// named parameters).
/// </summary>
public static class HandWrittenReport
{
    public static async Task<string> MonthAsync(BenchDatabase database, DateTimeOffset startUtc, DateTimeOffset endUtc, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Mode", "Status", COUNT(*), SUM(CASE WHEN "SentUtc" IS NOT NULL THEN "Cost" ELSE 0 END) FROM (
                SELECT "Mode", "Status", "Cost", "SentUtc" FROM "Messages" WHERE "SentUtc" >= @s AND "SentUtc" < @e
                UNION ALL
                SELECT "Mode", "Status", "Cost", "SentUtc" FROM "Messages" WHERE "SentUtc" IS NULL AND "CompletedUtc" >= @s AND "CompletedUtc" < @e) AS t
            GROUP BY "Mode", "Status";
            SELECT COUNT("InboundMessageId"), COALESCE(-SUM(CASE WHEN "InboundMessageId" IS NOT NULL THEN "Amount" END), 0),
                   COALESCE(-SUM("Amount"), 0)
            FROM "CreditLedgerEntries" WHERE "Kind" = 5 AND "CreatedUtc" >= @s AND "CreatedUtc" < @e;
            """;
        BenchDatabase.AddParameter(command, "@s", database.Time(startUtc));
        BenchDatabase.AddParameter(command, "@e", database.Time(endUtc));
        var cells = new SortedDictionary<(int Mode, int Status), (long Count, long Credits)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cells[(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)))] =
                (Convert.ToInt64(reader.GetValue(2)), Convert.ToInt64(reader.GetValue(3)));
        }
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var lines = cells.Select(c => $"{(ContactMode)c.Key.Mode}/{(MessageStatus)c.Key.Status}={c.Value.Count}");
        var credits = Enum.GetValues<ContactMode>()
            .Select(m => $"{m}:{cells.Where(c => c.Key.Mode == (int)m).Sum(c => c.Value.Credits)}");
        return string.Join(";", lines.Concat(credits)) +
               $"|inbound={Convert.ToInt64(reader.GetValue(0))}/{Convert.ToInt64(reader.GetValue(1))}|ledger={Convert.ToInt64(reader.GetValue(2))}";
    }

    public static async Task<int> FirstPageAsync(BenchDatabase database, ContactMode mode, DateTimeOffset startUtc, DateTimeOffset endUtc,
        int pageSize, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM "Messages" m
            WHERE m."Mode" = @mode AND ((m."SentUtc" >= @s AND m."SentUtc" < @e) OR (m."SentUtc" IS NULL AND m."CompletedUtc" >= @s AND m."CompletedUtc" < @e));
            SELECT m."Id", COALESCE(m."SentUtc", m."CompletedUtc"), m."Mode", p."LastName", p."FirstName", m."Address", c."Id", c."Name", c."Need",
                   c."CreatedByName", m."Status", m."Cost", m."Error"
            FROM "Messages" m JOIN "Campaigns" c ON c."Id" = m."CampaignId" LEFT JOIN "Patients" p ON p."Id" = m."PatientId"
            WHERE m."Mode" = @mode AND ((m."SentUtc" >= @s AND m."SentUtc" < @e) OR (m."SentUtc" IS NULL AND m."CompletedUtc" >= @s AND m."CompletedUtc" < @e))
            ORDER BY COALESCE(m."SentUtc", m."CompletedUtc"), m."Id" LIMIT @take;
            """;
        BenchDatabase.AddParameter(command, "@mode", (int)mode);
        BenchDatabase.AddParameter(command, "@s", database.Time(startUtc));
        BenchDatabase.AddParameter(command, "@e", database.Time(endUtc));
        BenchDatabase.AddParameter(command, "@take", pageSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = Convert.ToInt32(reader.GetValue(0));
        await reader.NextResultAsync(ct);
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
        }
        return total * 1000 + rows;
    }
}
