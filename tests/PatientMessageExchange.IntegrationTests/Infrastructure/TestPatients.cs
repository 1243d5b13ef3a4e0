using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public static class TestPatients
{
    /// <summary>Stores a patient straight into the app's database and returns its id.</summary>
    public static async Task<int> AddAsync(PmxAppFactory app, string chartNumber, params ContactPoint[] contacts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var patient = new Patient
        {
            ChartNumber = chartNumber,
            FirstName = "Ava",
            LastName = "Testperson",
            DateOfBirth = new DateOnly(2018, 5, 1),
            CreatedUtc = app.Clock.GetUtcNow(),
            UpdatedUtc = app.Clock.GetUtcNow(),
            ContactPoints = [.. contacts],
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
