using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

public sealed class PatientsBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly BrowserAppHost _app = new();

    public PatientsBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("frontdesk", Roles.FrontDesk);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(patientCount: 60);
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        db.Patients.Add(new Patient
        {
            ChartNumber = "C-4242",
            FirstName = "Wilhelmina",
            LastName = "Quackenbush",
            DateOfBirth = new DateOnly(2019, 4, 2),
            ContactPoints = [new ContactPoint { Mode = ContactMode.Text, Value = "+16175550142" }],
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Front_desk_signs_in_finds_a_patient_and_opens_the_chart()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;

        await session.SignInAsync("frontdesk", PmxAppFactory.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("Quackenbush");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quackenbush, Wilhelmina" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quackenbush, Wilhelmina");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "(617) 555-0142", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }
}
