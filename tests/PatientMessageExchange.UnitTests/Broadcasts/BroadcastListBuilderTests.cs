using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Broadcasts;

[Trait("Database", "Engine")]
public sealed class BroadcastListBuilderTests : IDisposable
{
    private readonly SqliteFileDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Pasted_addresses_are_deduplicated_case_insensitively()
    {
        var list = await BuildAsync(new BroadcastListRequest
        {
            Pasted = "Parent@Example.com, parent@example.com\nPARENT@EXAMPLE.COM; other@example.com",
        });

        Assert.Equal(["parent@example.com", "other@example.com"], list.Recipients.Select(r => r.Address));
        Assert.Equal(2, list.Duplicates);
        Assert.Equal(4, list.Candidates);
        Assert.Empty(list.Removed);
    }

    [Fact]
    public async Task Invalid_syntax_is_reported_with_the_reason()
    {
        var list = await BuildAsync(new BroadcastListRequest { Pasted = "good@example.com not-an-address bad@nodomain" });

        Assert.Equal("good@example.com", Assert.Single(list.Recipients).Address);
        Assert.Equal(2, list.Removed.Count);
        Assert.All(list.Removed, r => Assert.Equal(RemovalReason.InvalidAddress, r.Reason));
        Assert.Contains(list.Removed, r => r.Address == "not-an-address" && r.Explanation.Contains("not an email address"));
        Assert.Contains(list.Removed, r => r.Address == "bad@nodomain" && r.Explanation.Contains("no valid domain"));
    }

    [Fact]
    public async Task Suppressed_addresses_are_removed_with_their_reason()
    {
        await using (var db = _database.NewContext())
        {
            db.Suppressions.AddRange(
                new Suppression { Address = "gone@example.com", Channel = SuppressionChannel.Email, Reason = "Unsubscribed (one-click link in a broadcast)" },
                new Suppression { Address = "dead@example.com", Channel = SuppressionChannel.Email, Reason = "Hard bounce: 550 5.1.1" },
                new Suppression { Address = "angry@example.com", Channel = SuppressionChannel.Email, Reason = "Complaint (abuse report)" },
                new Suppression { Address = "ok@example.com", Channel = SuppressionChannel.Sms, Reason = "Replied STOP" });
            await db.SaveChangesAsync();
        }

        var list = await BuildAsync(new BroadcastListRequest
        {
            Pasted = "GONE@example.com dead@example.com angry@example.com ok@example.com gone@example.com",
        });

        Assert.Equal("ok@example.com", Assert.Single(list.Recipients).Address);
        Assert.Equal(RemovalReason.Unsubscribed, list.Removed.Single(r => r.Address == "gone@example.com").Reason);
        Assert.Equal(RemovalReason.HardBounced, list.Removed.Single(r => r.Address == "dead@example.com").Reason);
        Assert.Equal(RemovalReason.Complained, list.Removed.Single(r => r.Address == "angry@example.com").Reason);
        Assert.Contains("550 5.1.1", list.Removed.Single(r => r.Address == "dead@example.com").Explanation);
        Assert.Equal(1, list.Duplicates);
    }

    [Fact]
    public async Task Bounced_and_opted_out_contact_points_are_removed_from_every_source()
    {
        await AddPatientAsync("C-1", new DateOnly(2015, 1, 1),
            Point(ContactMode.Email, "bounced@example.com", ContactPointStatus.Bounced, "5.1.1 unknown user"),
            Point(ContactMode.WorkEmail, "optout@example.com", ContactPointStatus.OptedOut, "Asked to stop"),
            Point(ContactMode.Email, "fine@example.com"));

        var list = await BuildAsync(new BroadcastListRequest
        {
            FromPatients = true, IncludeEmail = true, IncludeWorkEmail = true,
            Pasted = "bounced@example.com",
        });

        Assert.Equal("fine@example.com", Assert.Single(list.Recipients).Address);
        Assert.Equal(RemovalReason.HardBounced, list.Removed.Single(r => r.Address == "bounced@example.com").Reason);
        Assert.Equal(RemovalReason.OptedOut, list.Removed.Single(r => r.Address == "optout@example.com").Reason);
        Assert.Equal(1, list.Duplicates);
    }

    [Fact]
    public async Task Patient_filters_choose_modes_activity_and_age()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        await AddPatientAsync("C-5", today.AddYears(-5), Point(ContactMode.Email, "five@example.com"),
            Point(ContactMode.WorkEmail, "five-work@example.com"));
        await AddPatientAsync("C-12", today.AddYears(-12), Point(ContactMode.Email, "twelve@example.com"));
        await AddPatientAsync("C-6", today.AddYears(-6), active: false, Point(ContactMode.Email, "inactive@example.com"));

        var list = await BuildAsync(new BroadcastListRequest { FromPatients = true, IncludeEmail = true, MinAge = 4, MaxAge = 8 });

        Assert.Equal("five@example.com", Assert.Single(list.Recipients).Address);
        Assert.NotNull(Assert.Single(list.Recipients).ContactPointId);
    }

    [Fact]
    public async Task The_general_announcement_filter_follows_contact_preferences()
    {
        var byEmail = await AddPatientAsync("C-E", new DateOnly(1990, 1, 1), Point(ContactMode.Email, "wants-email@example.com"));
        var byText = await AddPatientAsync("C-T", new DateOnly(1990, 1, 1), Point(ContactMode.Email, "wants-text@example.com"),
            Point(ContactMode.Text, "+16175550100"));
        await using (var db = _database.NewContext())
        {
            var defaults = await db.DefaultContactPreferences.SingleAsync(d => d.Need == Need.GeneralAnnouncement);
            defaults.Modes = [ContactMode.Email];
            db.ContactPreferences.Add(new ContactPreference
            {
                PatientId = byText, Need = Need.GeneralAnnouncement, Modes = [ContactMode.Text], ExpressedUtc = _database.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var list = await BuildAsync(new BroadcastListRequest { FromPatients = true, WantsGeneralAnnouncements = true });

        var only = Assert.Single(list.Recipients);
        Assert.Equal("wants-email@example.com", only.Address);
        Assert.Equal(byEmail, only.PatientId);
    }

    [Fact]
    public async Task A_csv_uses_its_email_column_or_else_its_first_column()
    {
        var withHeader = Encoding.UTF8.GetBytes("Name,E-mail\nAnn,ann@example.com\nBo,BO@example.com\nAnn again,ann@example.com\n");
        var withoutHeader = Encoding.UTF8.GetBytes("cy@example.com\ndee@example.com\n");

        var first = await BuildAsync(new BroadcastListRequest { Csv = withHeader });
        var second = await BuildAsync(new BroadcastListRequest { Csv = withoutHeader });

        Assert.Equal(["ann@example.com", "bo@example.com"], first.Recipients.Select(r => r.Address));
        Assert.Equal(1, first.Duplicates);
        Assert.Equal(["cy@example.com", "dee@example.com"], second.Recipients.Select(r => r.Address));
    }

    [Fact]
    public async Task Sources_mix_and_dedupe_across_each_other()
    {
        await AddPatientAsync("C-1", new DateOnly(2015, 1, 1), Point(ContactMode.Email, "family@example.com"));

        var list = await BuildAsync(new BroadcastListRequest
        {
            FromPatients = true,
            Pasted = "Family@Example.com new@example.com",
            Csv = Encoding.UTF8.GetBytes("Email\nNEW@example.com\nthird@example.com\n"),
        });

        Assert.Equal(["family@example.com", "new@example.com", "third@example.com"], list.Recipients.Select(r => r.Address));
        Assert.Equal(2, list.Duplicates);
    }

    [Fact]
    public async Task With_the_mail_server_check_on_domains_without_one_are_removed()
    {
        var list = await BuildAsync(new BroadcastListRequest { Pasted = "a@mail.example.com b@nomail.example.com c@mail.example.com" },
            new BroadcastOptions { CheckMx = true }, new FakeMailServers("mail.example.com"));

        Assert.Equal(["a@mail.example.com", "c@mail.example.com"], list.Recipients.Select(r => r.Address));
        Assert.Equal(RemovalReason.NoMailServer, Assert.Single(list.Removed).Reason);
    }

    [Fact]
    public async Task An_empty_request_asks_for_a_source()
    {
        var list = await BuildAsync(new BroadcastListRequest());

        Assert.Empty(list.Recipients);
        Assert.NotEmpty(list.Problems);
    }

    private async Task<BroadcastList> BuildAsync(BroadcastListRequest request, BroadcastOptions? options = null,
        IMailServerCheck? mailServers = null)
    {
        await using var db = _database.NewContext();
        var builder = new BroadcastListBuilder(db, new ContactResolver(db, _database.Clock), _database.Clock,
            Options.Create(options ?? new BroadcastOptions()), mailServers);
        return await builder.BuildAsync(request);
    }

    private Task<int> AddPatientAsync(string chart, DateOnly born, params ContactPoint[] points) =>
        AddPatientAsync(chart, born, true, points);

    private async Task<int> AddPatientAsync(string chart, DateOnly born, bool active, params ContactPoint[] points)
    {
        await using var db = _database.NewContext();
        var patient = new Patient
        {
            ChartNumber = chart, FirstName = "Test", LastName = chart, DateOfBirth = born, IsActive = active,
            ContactPoints = [.. points],
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    private static ContactPoint Point(ContactMode mode, string value, ContactPointStatus status = ContactPointStatus.Valid,
        string? reason = null) => new() { Mode = mode, Value = value, Status = status, StatusReason = reason };

    private sealed class FakeMailServers(params string[] domains) : IMailServerCheck
    {
        public Task<bool> AcceptsMailAsync(string domain, CancellationToken ct) => Task.FromResult(domains.Contains(domain));
    }
}
