using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public static class PatientSeed
{
    /// <summary>Adds an adult patient with the given points straight to the app's database and returns its id.</summary>
    public static async Task<int> AddAdultAsync(this PmxAppFactory app, params ContactPoint[] points)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var now = app.Clock.GetUtcNow();
        var patient = new Patient
        {
            ChartNumber = Guid.NewGuid().ToString("N")[..12],
            FirstName = "Avery",
            LastName = "Testcase",
            DateOfBirth = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-30),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        patient.ContactPoints.AddRange(points);
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    public static ContactPoint Point(ContactMode mode, string value, ContactPointStatus status = ContactPointStatus.Valid,
        string? reason = null, DateTimeOffset? since = null) =>
        new() { Mode = mode, Value = value, Status = status, StatusReason = reason, StatusChangedUtc = since };
}
