using Microsoft.Data.Sqlite;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using static PatientMessageExchange.Core.Preferences.ContactResolver;

namespace PatientMessageExchange.Benchmarks.Resolution;

/// <summary>
/// The baseline: the same answer from one hand-written SQL join over the same tables, read with a plain
/// Microsoft.Data.Sqlite reader, then the same rules. The difference to the resolver is what EF and its extra
/// round trips cost.
/// </summary>
public static class HandWrittenResolution
{
    private const string Sql = """
        SELECT p.Id, p.IsActive, p.DateOfBirth,
               EXISTS (SELECT 1 FROM Guardians g2 WHERE g2.PatientId = p.Id) AS HasGuardian,
               cp.Modes AS Expressed,
               (SELECT group_concat(d.Mode) FROM DoNotContacts d WHERE d.PatientId = p.Id) AS Blocked,
               c.Id, c.GuardianId, COALESCE(g.IsPrimary, 0), c.Mode, c.Value, c.Status,
               EXISTS (SELECT 1 FROM Suppressions s WHERE s.Address = c.Value AND s.Channel =
                   CASE c.Mode WHEN 'Email' THEN 'Email' WHEN 'WorkEmail' THEN 'Email' WHEN 'Text' THEN 'Sms' ELSE 'Voice' END)
        FROM Patients p
        LEFT JOIN ContactPreferences cp ON cp.PatientId = p.Id AND cp.Need = $need
        LEFT JOIN ContactPoints c ON c.PatientId = p.Id
        LEFT JOIN Guardians g ON g.Id = c.GuardianId
        ORDER BY p.Id
        """;

    public static async Task<List<ContactResolution>> ResolveAllAsync(string connectionString, Need need, DateOnly today,
        CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);

        List<ContactMode> defaults;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Modes FROM DefaultContactPreferences WHERE Need = $need";
            read.Parameters.AddWithValue("$need", need.ToString());
            defaults = Parse((string?)await read.ExecuteScalarAsync(ct));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$need", need.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);

        var results = new List<ContactResolution>();
        PatientFacts? current = null;
        List<ContactMode>? expressed = null;
        List<ContactMode> blocked = [];
        var points = new List<PointFacts>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            if (current is null || current.Id != id)
            {
                Flush();
                current = new PatientFacts(id, reader.GetBoolean(1), DateOnly.Parse(reader.GetString(2)), reader.GetBoolean(3));
                expressed = reader.IsDBNull(4) ? null : Parse(reader.GetString(4));
                blocked = reader.IsDBNull(5) ? [] : Parse(reader.GetString(5));
                points = [];
            }
            if (!reader.IsDBNull(6))
            {
                points.Add(new PointFacts(reader.GetInt32(6), id, reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetBoolean(8),
                    Enum.Parse<ContactMode>(reader.GetString(9)), reader.GetString(10),
                    Enum.Parse<ContactPointStatus>(reader.GetString(11)), reader.GetBoolean(12)));
            }
        }
        Flush();
        return results;

        void Flush()
        {
            if (current is null)
            {
                return;
            }
            results.Add(expressed is null
                ? Decide(current, need, PreferenceSource.PracticeDefault, defaults, points, blocked, today)
                : Decide(current, need, PreferenceSource.Expressed, expressed, points, blocked, today));
        }
    }

    private static List<ContactMode> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ContactMode>).ToList();
}
