using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Templates;

[Trait("Database", "Engine")]
public sealed class MergeDataFactoryTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private MergeDataFactory Factory() => new(_database.Normalizer, _database.Clock);

    private static readonly PracticeProfile Practice = new()
    {
        Name = "Maple Grove Pediatrics",
        Phone = "+16175550100",
        PostalAddress = "120 Main Street, Springfield, MA 01101",
        TimeZoneId = "America/New_York",
    };

    private static Patient Ana(string language = "en") => new()
    {
        ChartNumber = "P1",
        FirstName = "Ana",
        LastName = "Muñoz",
        DateOfBirth = new DateOnly(2022, 11, 21),
        Language = language,
        Guardians =
        [
            new Guardian { FirstName = "Luis", LastName = "Muñoz", IsPrimary = false },
            new Guardian { FirstName = "Rosa", LastName = "Muñoz", IsPrimary = true },
        ],
    };

    // 14:30 UTC on Tuesday, December 1, 2026 is 9:30 AM in New York (EST).
    private static Appointment Visit(DateTimeOffset? startUtc = null) => new()
    {
        StartUtc = startUtc ?? new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero),
        Location = "Main Street Office",
        AppointmentType = "Well visit",
        Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" },
    };

    [Fact]
    public void English_dates_and_times_are_in_the_practice_time_zone()
    {
        var data = Factory().Create(Practice, Ana(), Visit(), null, TemplatePart.Sms);

        Assert.Equal("Tuesday, December 1", data.Get("appointment", "date"));
        Assert.Equal("9:30 AM", data.Get("appointment", "time"));
    }

    [Fact]
    public void Spanish_dates_are_written_the_Spanish_way()
    {
        var data = Factory().Create(Practice, Ana("es"), Visit(), new DueItem("vacunas", new DateOnly(2026, 12, 15)), TemplatePart.Sms);

        Assert.Equal("martes, 1 de diciembre", data.Get("appointment", "date"));
        Assert.StartsWith("9:30", data.Get("appointment", "time"));
        Assert.Contains("m.", data.Get("appointment", "time"));
        Assert.Equal("15 de diciembre de 2026", data.Get("due", "date"));
    }

    [Fact]
    public void A_late_evening_appointment_falls_on_the_practices_local_day_not_the_UTC_one()
    {
        var data = Factory().Create(Practice, Ana(), Visit(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero)), null, TemplatePart.EmailSubject);

        Assert.Equal("Tuesday, December 1", data.Get("appointment", "date"));
        Assert.Equal("10:00 PM", data.Get("appointment", "time"));
    }

    [Fact]
    public void The_voice_part_gets_the_providers_spoken_name_and_text_gets_the_written_one()
    {
        var factory = Factory();

        Assert.Equal("Doctor Lee", factory.Create(Practice, Ana(), Visit(), null, TemplatePart.Voice).Get("appointment", "provider"));
        Assert.Equal("Dr. Lee", factory.Create(Practice, Ana(), Visit(), null, TemplatePart.Sms).Get("appointment", "provider"));
        Assert.Equal("Dr. Lee", factory.Create(Practice, Ana(), Visit(), null, TemplatePart.EmailBody).Get("appointment", "provider"));
    }

    [Fact]
    public void Patient_guardian_and_practice_fields_are_filled()
    {
        // The clock says November 20, 2026: Ana turns four tomorrow.
        var data = Factory().Create(Practice, Ana(), null, null, TemplatePart.Sms);

        Assert.Equal("3", data.Get("patient", "age"));
        Assert.Equal("Ana Muñoz", data.Get("patient", "name"));
        Assert.Equal("Rosa Muñoz", data.Get("guardian", "name"));
        Assert.Equal("(617) 555-0100", data.Get("practice", "phone"));
        Assert.Equal("Maple Grove Pediatrics", data.Get("practice", "name"));
    }

    [Fact]
    public void The_preferred_name_is_used_when_there_is_one()
    {
        var patient = Ana();
        patient.PreferredName = "Annie";

        var data = Factory().Create(Practice, patient, null, null, TemplatePart.Sms);

        Assert.Equal("Annie", data.Get("patient", "preferred_name"));
        Assert.Equal("Ana", data.Get("patient", "first_name"));
        Assert.Equal("Annie Muñoz", data.Get("patient", "name"));
    }

    [Fact]
    public void Rendered_through_a_starter_voice_script_it_reads_like_a_phone_call()
    {
        var voice = StarterTemplates.Create(_database.Clock.GetUtcNow())
            .Single(t => t.Need == Core.Preferences.Need.AppointmentReminder && t.Language == "en").VoiceScript;
        var data = Factory().Create(Practice, Ana(), Visit(), null, TemplatePart.Voice);

        var text = new TemplateRenderer().Render(TemplatePart.Voice, voice, data);

        Assert.StartsWith("This is Maple Grove Pediatrics calling for the family of Ana. Ana has an appointment on " +
                          "Tuesday, December 1 at 9:30 AM with Doctor Lee.", text);
    }

    [Fact]
    public void The_summary_of_one_appointment_names_the_child_day_time_and_provider()
    {
        var factory = Factory();

        Assert.Equal("Ana has an appointment on Tuesday, December 1 at 9:30 AM with Dr. Lee",
            factory.Create(Practice, Ana(), Visit(), null, TemplatePart.Sms).Get("appointment", "summary"));
        Assert.Equal("Ana has an appointment on Tuesday, December 1 at 9:30 AM with Doctor Lee",
            factory.Create(Practice, Ana(), Visit(), null, TemplatePart.Voice).Get("appointment", "summary"));
        var spanish = factory.Create(Practice, Ana("es"), Visit(), null, TemplatePart.Sms).Get("appointment", "summary");
        Assert.StartsWith("Ana tiene una cita el martes, 1 de diciembre a las 9:30", spanish);
        Assert.EndsWith(" con Dr. Lee", spanish);
    }

    [Fact]
    public void Brothers_and_sisters_on_one_day_are_each_named_with_their_own_time()
    {
        var ben = Visit(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
        var cara = Visit(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero));
        NamedAppointment[] together = [new("Ben", ben), new("Cara", cara)];

        var english = Factory().Create(Practice, Ana(), ben, null, TemplatePart.Sms, together: together).Get("appointment", "summary");
        var spanish = Factory().Create(Practice, Ana("es"), ben, null, TemplatePart.Sms, together: together).Get("appointment", "summary");

        Assert.Equal("Ben and Cara have appointments on Tuesday, December 1: Ben at 3:00 PM and Cara at 3:30 PM, with Dr. Lee", english);
        Assert.Matches(@"^Ben y Cara tienen citas el martes, 1 de diciembre: Ben a las 3:00\W+p\W+m\W* y Cara a las 3:30\W+p\W+m\W*, con Dr\. Lee$", spanish);
    }

    [Fact]
    public void Different_days_and_providers_are_said_per_child()
    {
        var ben = Visit(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
        var cara = Visit(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        cara.Provider = new Provider { Name = "Dr. Kim", SpokenName = "Doctor Kim" };
        var mia = Visit(new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.Zero));

        var voice = MergeDataFactory.Summary([new("Ben", ben), new("Cara", cara), new("Mia", mia)],
            Practice.TimeZone, MergeDataFactory.CultureFor("en"), TemplatePart.Voice);

        Assert.Equal("Ben, Cara and Mia have appointments: Ben on Tuesday, December 1 at 3:00 PM with Doctor Lee, " +
                     "Cara on Wednesday, December 2 at 10:00 AM with Doctor Kim and Mia on Wednesday, December 2 at 10:30 AM with Doctor Lee", voice);
    }

    [Fact]
    public void One_child_with_two_visits_is_named_once()
    {
        var first = Visit(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        var second = Visit(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

        var text = MergeDataFactory.Summary([new("Gus", first), new("Gus", second)], Practice.TimeZone, MergeDataFactory.CultureFor("en"), TemplatePart.Sms);

        Assert.Equal("Gus has appointments on Tuesday, December 1: at 9:00 AM and at 10:00 AM, with Dr. Lee", text);
    }
}
