using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Benchmarks.Reports;

/// <summary>The baseline: the same figures from hand-written SQL on the same indexes, read with a plain SqliteDataReader.</summary>
public static class HandWrittenReport
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static async Task<string> MonthAsync(string connectionString, DateTimeOffset startUtc, DateTimeOffset endUtc, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Mode, Status, COUNT(*), SUM(CASE WHEN SentUtc IS NOT NULL THEN Cost ELSE 0 END) FROM (
                SELECT Mode, Status, Cost, SentUtc FROM Messages WHERE SentUtc >= $s AND SentUtc < $e
                UNION ALL
                SELECT Mode, Status, Cost, SentUtc FROM Messages WHERE SentUtc IS NULL AND CompletedUtc >= $s AND CompletedUtc < $e)
            GROUP BY Mode, Status;
            SELECT COUNT(InboundMessageId), COALESCE(-SUM(CASE WHEN InboundMessageId IS NOT NULL THEN Amount END), 0),
                   COALESCE(-SUM(Amount), 0)
            FROM CreditLedgerEntries WHERE Kind = 5 AND CreatedUtc >= $s AND CreatedUtc < $e;
            """;
        command.Parameters.AddWithValue("$s", Converter.ConvertToProvider(startUtc));
        command.Parameters.AddWithValue("$e", Converter.ConvertToProvider(endUtc));
        var cells = new SortedDictionary<(int Mode, int Status), (long Count, long Credits)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cells[(reader.GetInt32(0), reader.GetInt32(1))] = (reader.GetInt64(2), reader.GetInt64(3));
        }
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var lines = cells.Select(c => $"{(ContactMode)c.Key.Mode}/{(MessageStatus)c.Key.Status}={c.Value.Count}");
        var credits = Enum.GetValues<ContactMode>()
            .Select(m => $"{m}:{cells.Where(c => c.Key.Mode == (int)m).Sum(c => c.Value.Credits)}");
        return string.Join(";", lines.Concat(credits)) + $"|inbound={reader.GetInt64(0)}/{reader.GetInt64(1)}|ledger={reader.GetInt64(2)}";
    }

    public static async Task<int> FirstPageAsync(string connectionString, ContactMode mode, DateTimeOffset startUtc, DateTimeOffset endUtc,
        int pageSize, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Messages m
            WHERE m.Mode = $mode AND ((m.SentUtc >= $s AND m.SentUtc < $e) OR (m.SentUtc IS NULL AND m.CompletedUtc >= $s AND m.CompletedUtc < $e));
            SELECT m.Id, COALESCE(m.SentUtc, m.CompletedUtc), m.Mode, p.LastName, p.FirstName, m.Address, c.Id, c.Name, c.Need,
                   c.CreatedByName, m.Status, m.Cost, m.Error
            FROM Messages m JOIN Campaigns c ON c.Id = m.CampaignId LEFT JOIN Patients p ON p.Id = m.PatientId
            WHERE m.Mode = $mode AND ((m.SentUtc >= $s AND m.SentUtc < $e) OR (m.SentUtc IS NULL AND m.CompletedUtc >= $s AND m.CompletedUtc < $e))
            ORDER BY COALESCE(m.SentUtc, m.CompletedUtc), m.Id LIMIT $take;
            """;
        command.Parameters.AddWithValue("$mode", (int)mode);
        command.Parameters.AddWithValue("$s", Converter.ConvertToProvider(startUtc));
        command.Parameters.AddWithValue("$e", Converter.ConvertToProvider(endUtc));
        command.Parameters.AddWithValue("$take", pageSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
        }
        return total * 1000 + rows;
    }
}
