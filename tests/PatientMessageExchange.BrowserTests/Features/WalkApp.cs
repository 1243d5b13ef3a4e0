using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// One app for the whole walk, set up once: a user per role, 80 demo patients with a week of appointments, and credits.
/// The walk only reads, so its cases can share it.
/// </summary>
public sealed class WalkApp : IAsyncLifetime
{
    public BrowserAppHost App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.CompleteSetupAsync();
        foreach (var role in Roles.All)
        {
            await App.CreateUserAsync(role.ToLowerInvariant(), role);
        }
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(patientCount: 80);
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(5000, "demo credits", "test:funding");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
