using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Benchmarks.Resolution;

/// <summary>
/// A pediatric registry at scale: mostly minors reached through a primary guardian, the usual mix of modes, a few
/// percent bad points, some suppressions, expressed preferences and do-not-contact modes. Written with prepared
/// commands in one transaction, because seeding is not what is measured. The SQL is the dialect SQLite and PostgreSQL
/// share (quoted identifiers, named parameters, ON CONFLICT DO NOTHING).
/// </summary>
public static class ResolutionDataSeeder
{
    public static async Task SeedAsync(BenchDatabase database, int patientCount, CancellationToken ct)
    {
        await using (var db = new PmxDbContext(database.Options))
        {
            await db.Database.EnsureCreatedAsync(ct);
        }
        var random = new Random(20261126);
        var now = database.Time(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var today = new DateOnly(2026, 11, 26);

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var patient = Prepare(connection, tx,
            "INSERT INTO \"Patients\" (\"Id\", \"ChartNumber\", \"FirstName\", \"LastName\", \"DateOfBirth\", \"Language\", \"IsActive\", \"CreatedUtc\", \"UpdatedUtc\") " +
            "VALUES (@id, @chart, 'Bench', 'Patient', @dob, 'en', @active, @now, @now)", "@id", "@chart", "@dob", "@active", "@now");
        var guardian = Prepare(connection, tx,
            "INSERT INTO \"Guardians\" (\"Id\", \"PatientId\", \"FirstName\", \"LastName\", \"IsPrimary\") VALUES (@id, @patient, 'Bench', 'Guardian', @primary)",
            "@id", "@patient", "@primary");
        var point = Prepare(connection, tx,
            "INSERT INTO \"ContactPoints\" (\"PatientId\", \"GuardianId\", \"Mode\", \"Value\", \"Status\", \"StatusReason\", \"StatusChangedUtc\", \"FromEhr\") " +
            "VALUES (@patient, @guardian, @mode, @value, @status, NULL, @now, FALSE)",
            "@patient", "@guardian", "@mode", "@value", "@status", "@now");
        var preference = Prepare(connection, tx,
            "INSERT INTO \"ContactPreferences\" (\"PatientId\", \"Need\", \"Modes\", \"ExpressedUtc\", \"RecordedBy\") VALUES (@patient, @need, @modes, @now, 'bench')",
            "@patient", "@need", "@modes", "@now");
        var blocked = Prepare(connection, tx,
            "INSERT INTO \"DoNotContacts\" (\"PatientId\", \"Mode\", \"RecordedUtc\", \"RecordedBy\") VALUES (@patient, @mode, @now, 'bench')",
            "@patient", "@mode", "@now");
        var suppression = Prepare(connection, tx,
            "INSERT INTO \"Suppressions\" (\"Address\", \"Channel\", \"Reason\", \"AnnouncementsOnly\", \"CreatedUtc\") VALUES (@address, @channel, 'bench', FALSE, @now) ON CONFLICT DO NOTHING",
            "@address", "@channel", "@now");

        var guardianId = 0;
        string[] needs = ["AppointmentReminder", "AppointmentConfirmation", "Billing", "RecallWellVisit"];
        string[] orders = ["Email", "Phone,Text", "Email,Text", "Text", "WorkEmail,Email", ""];
        for (var id = 1; id <= patientCount; id++)
        {
            var minor = random.NextDouble() < 0.85;
            var dob = minor ? today.AddDays(-random.Next(30, 17 * 365)) : today.AddDays(-random.Next(18 * 365 + 1, 26 * 365));
            await Run(patient, ct, id, $"B{id:000000}", dob, random.NextDouble() > 0.04, now);

            int? owner = null;
            if (random.NextDouble() < 0.9)
            {
                owner = ++guardianId;
                await Run(guardian, ct, owner, id, true);
                if (random.NextDouble() < 0.2)
                {
                    await Run(guardian, ct, ++guardianId, id, false);
                }
            }
            async Task AddPoint(string mode, string value, int? pointOwner)
            {
                var roll = random.NextDouble();
                var status = roll < 0.015 ? "Bounced" : roll < 0.025 ? "Invalid" : roll < 0.03 ? "OptedOut" : "Valid";
                await Run(point, ct, id, pointOwner, mode, value, status, now);
                if (random.NextDouble() < 0.01)
                {
                    await Run(suppression, ct, value, mode is "Email" or "WorkEmail" ? "Email" : mode == "Text" ? "Sms" : "Voice", now);
                }
            }
            if (random.NextDouble() < 0.85)
            {
                await AddPoint("Email", $"family{id}@example.com", owner);
            }
            if (random.NextDouble() < 0.75)
            {
                await AddPoint("Text", $"+1617{id:0000000}", owner);
            }
            if (random.NextDouble() < 0.45)
            {
                await AddPoint("Phone", $"+1781{id:0000000}", owner);
            }
            if (random.NextDouble() < 0.12)
            {
                await AddPoint("WorkEmail", $"parent{id}@work.example", owner);
            }
            if (random.NextDouble() < 0.05)
            {
                // A teenager's own phone: skipped while a guardian is on file.
                await AddPoint("Text", $"+1508{id:0000000}", null);
            }
            if (random.NextDouble() < 0.10)
            {
                await Run(preference, ct, id, needs[random.Next(needs.Length)], orders[random.Next(orders.Length)], now);
            }
            if (random.NextDouble() < 0.01)
            {
                await Run(blocked, ct, id, random.NextDouble() < 0.5 ? "Text" : "Phone", now);
            }
        }
        await tx.CommitAsync(ct);
        await using var analyze = connection.CreateCommand();
        // The rows above carry their own ids; PostgreSQL's identity sequences must move past them before the app inserts.
        analyze.CommandText = database.IsPostgreSql
            ? """
              SELECT setval(pg_get_serial_sequence('"Patients"', 'Id'), (SELECT MAX("Id") FROM "Patients"));
              SELECT setval(pg_get_serial_sequence('"Guardians"', 'Id'), (SELECT MAX("Id") FROM "Guardians"));
              ANALYZE;
              """
            : "ANALYZE";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    // Not prepared explicitly: Npgsql can't prepare parameters that have neither a type nor a value yet. SQLite prepares
    // each command on its first execution and keeps the statement, since the text never changes.
    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
