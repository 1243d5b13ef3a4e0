using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Features.Patients;

/// <summary>
/// 10,000 patients through the real importer on a SQLite file. Only correctness is asserted; the elapsed times are
/// printed for the record (timed asserts are flaky; ratios belong in bench/).
/// </summary>
public sealed class ImportVolumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 10_000;

    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TenThousandPatients_PreviewThenCommit_CreatesThemAll()
    {
        var file = GeneratePatients(Rows);
        await _app.CompleteSetupAsync();

        var preview = await TimedAsync("preview", importer => importer.PreviewAsync(file));
        var outcome = await TimedAsync("commit", importer => importer.CommitAsync(file, importValidRowsOnly: false));

        Assert.Equal((Rows, Rows, 0), (preview.ValidRows, preview.NewCount, preview.Issues.Count));
        Assert.Equal((true, Rows), (outcome.Committed, outcome.Created));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(Rows, await db.Patients.CountAsync());
        Assert.Equal(Rows * 3, await db.ContactPoints.CountAsync());
        Assert.Equal(Rows, await db.Guardians.CountAsync());
    }

    [Fact]
    public async Task TenThousandPatients_ImportedTwice_UpdatesThemAll()
    {
        var file = GeneratePatients(Rows);
        await _app.CompleteSetupAsync();
        await TimedAsync("first commit", importer => importer.CommitAsync(file, importValidRowsOnly: false));

        var preview = await TimedAsync("re-import preview", importer => importer.PreviewAsync(file));
        var outcome = await TimedAsync("re-import commit", importer => importer.CommitAsync(file, importValidRowsOnly: false));

        Assert.Equal(Rows, preview.UpdateCount);
        Assert.Equal((0, Rows), (outcome.Created, outcome.Updated));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(Rows, await db.Patients.CountAsync());
        Assert.Equal(Rows * 3, await db.ContactPoints.CountAsync());
    }

    private async Task<T> TimedAsync<T>(string what, Func<ICsvImporter, Task<T>> act)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetServices<ICsvImporter>().Single(i => i.Kind == ImportKind.Patients);
        var watch = Stopwatch.StartNew();
        var result = await act(importer);
        output.WriteLine($"{Rows:N0} patients, {what}: {watch.Elapsed.TotalSeconds:F2} s");
        return result;
    }

    private static byte[] GeneratePatients(int count)
    {
        var text = new StringBuilder("ChartNumber;FirstName;LastName;DOB;Language;GuardianFirstName;GuardianLastName;Email;Cell;HomePhone\r\n");
        for (var i = 0; i < count; i++)
        {
            var dob = new DateOnly(2008, 1, 1).AddDays(i % 6000);
            text.Append($"V{i:D6};Kid{i};Family{i % 1700};{dob:MM/dd/yyyy};{(i % 4 == 0 ? "Spanish" : "en")};Parent{i};Family{i % 1700};")
                .Append($"parent{i}@example.com;(617) {200 + i / 10_000 % 800:D3}-{i % 10_000:D4};(508) 555-{i % 10_000:D4}\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
