using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Patients;

public sealed class PatientSearchTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<string>> SearchAsync(string query)
    {
        await using var db = _database.CreateContext();
        var directory = new PatientDirectory(db, new AuditLog(db, SystemActor.Instance, _database.Clock), _database.Normalizer, _database.Clock);
        var found = await directory.SearchAsync(new PatientSearch(query));
        return found.Items.Select(p => p.LastName).ToList();
    }

    private async Task AddAsync(params string[] lastNames)
    {
        await using var db = _database.CreateContext();
        var chart = 0;
        foreach (var last in lastNames)
        {
            db.Patients.Add(new Patient { ChartNumber = $"C{++chart}", FirstName = "Sam", LastName = last, DateOfBirth = new DateOnly(2019, 1, 1) });
        }
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%, %")]
    [InlineData("\\")]
    public async Task LIKE_wildcards_typed_in_the_search_match_only_themselves(string query)
    {
        await AddAsync("Lee", "Ortiz", "Nguyen");

        Assert.Empty(await SearchAsync(query));
    }

    [Fact]
    public async Task A_name_with_a_wildcard_character_is_still_found_literally()
    {
        await AddAsync("Lee", "100%_Real", "Ortiz");

        Assert.Equal(["100%_Real"], await SearchAsync("100%_"));
        Assert.Equal(["Lee"], await SearchAsync("le"));
    }
}
