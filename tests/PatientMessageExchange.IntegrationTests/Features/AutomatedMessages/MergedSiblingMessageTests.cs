using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// The standard confirmation rule, with the starter templates, for two families whose children are seen the same
/// afternoon: each family gets one message that names every child with their own time, in English and in Spanish.
/// </summary>
public sealed class MergedSiblingMessageTests
{
    [Fact]
    public async Task A_merged_confirmation_names_each_child_with_their_own_time_in_English_and_Spanish()
    {
        // Wednesday, October 28, 2026, 09:00 in New York: the window opens and the confirmations due the day before go.
        await using var h = await AutomationHarness.StartAsync(AutomationHarness.Local(new DateTime(2026, 10, 28, 9, 0, 0)), credits: 100);
        await h.QueryAsync(db => db.AutomationRules.Where(r => r.IsStandard && r.Kind == AutomationKind.Confirmation)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, true)));
        var lee = await h.ProviderAsync("Dr. Lee");
        var ben = await h.PatientAsync("Ben", "family@example.com");
        var cara = await h.PatientAsync("Cara", "family@example.com");
        var lia = await h.PatientAsync("Lia", "familia@example.com", language: "es");
        var mo = await h.PatientAsync("Mo", "familia@example.com", language: "es");
        var benVisit = await h.AppointmentAsync(ben, lee, new DateTime(2026, 10, 30, 15, 0, 0));
        var caraVisit = await h.AppointmentAsync(cara, lee, new DateTime(2026, 10, 30, 15, 30, 0));
        var liaVisit = await h.AppointmentAsync(lia, lee, new DateTime(2026, 10, 30, 16, 0, 0));
        var moVisit = await h.AppointmentAsync(mo, lee, new DateTime(2026, 10, 30, 16, 30, 0));

        await h.TickAsync();

        var messages = await h.QueryAsync(db => db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["family@example.com", "familia@example.com"], messages.Select(m => m.Address));
        Assert.All(messages, m => Assert.Equal(MessageStatus.Sent, m.Status));
        var english = messages[0];
        Assert.Equal(benVisit, english.AppointmentId);
        Assert.Equal("Please confirm: appointment for Ben and Cara on Friday, October 30", english.Subject);
        Assert.Contains("Ben and Cara have appointments on Friday, October 30: Ben at 3:00 PM and Cara at 3:30 PM, with Dr. Lee", english.Body);
        Assert.DoesNotContain("Ben and Cara has", english.Body);
        var spanish = messages[1];
        Assert.Equal(liaVisit, spanish.AppointmentId);
        Assert.Contains("Lia y Mo tienen citas el viernes, 30 de octubre: Lia a las 4:00", spanish.Body);
        Assert.Contains(" y Mo a las 4:30", spanish.Body);

        // The second child of each family is decided as merged into the first one's message.
        var merged = await h.QueryAsync(db => db.AutomatedSends.AsNoTracking()
            .Where(s => s.Outcome == AutomatedSendOutcome.Merged).Select(s => s.AppointmentId).OrderBy(id => id).ToListAsync());
        Assert.Equal(new[] { caraVisit, moVisit }.Order(), merged);
    }
}
