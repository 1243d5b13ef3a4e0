using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// Fills an empty database with a believable practice: patients with guardians and contact points, and a week of
/// appointments. Email addresses use reserved example domains and phone numbers the fictional 555-01xx range, so
/// nothing seeded can reach a real person.
/// </summary>
public class DemoDataSeeder(PmxDbContext db, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private static readonly string[] AreaCodes = ["617", "781", "508", "978", "857", "339", "413", "774", "351", "203", "860", "401"];
    private static readonly string[] Locations = ["Main Street Office", "Riverside Office"];
    private static readonly string[] VisitTypes = ["Well visit", "Sick visit", "Immunization", "Follow-up", "Sports physical"];
    private static readonly string[] Relationships = ["Mother", "Father", "Grandmother", "Legal guardian"];

    public async Task<bool> SeedAsync(int patientCount = 500, int seed = 20261126, CancellationToken ct = default)
    {
        if (await db.Patients.AnyAsync(ct))
        {
            logger.LogInformation("Demo data skipped: the database already has patients");
            return false;
        }
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        if (!await db.PracticeProfiles.AnyAsync(ct))
        {
            db.PracticeProfiles.Add(new PracticeProfile
            {
                Name = "Maple Grove Pediatrics",
                Phone = "+16175550100",
                PostalAddress = "120 Main Street, Suite 200, Springfield, MA 01101",
                TimeZoneId = "America/New_York",
            });
        }

        var providers = new List<Provider>
        {
            new() { Name = "Dr. Lee", SpokenName = "Doctor Lee" },
            new() { Name = "Dr. Okafor", SpokenName = "Doctor Okafor" },
            new() { Name = "Maria Santos, NP", SpokenName = "Nurse Practitioner Santos" },
        };
        foreach (var provider in providers)
        {
            var existing = await db.Providers.FirstOrDefaultAsync(p => p.Name == provider.Name, ct);
            if (existing is null)
            {
                db.Providers.Add(provider);
            }
            else
            {
                providers[providers.IndexOf(provider)] = existing;
            }
        }

        var now = clock.GetUtcNow();
        var usedPhones = new HashSet<string>();
        var patients = new List<Patient>(patientCount);
        for (var i = 0; i < patientCount; i++)
        {
            var familyName = faker.Name.LastName();
            var spanish = faker.Random.Double() < 0.18;
            var patient = new Patient
            {
                ChartNumber = $"P{100000 + i}",
                FirstName = faker.Name.FirstName(),
                LastName = familyName,
                DateOfBirth = today.AddDays(-faker.Random.Int(30, 19 * 365)),
                Language = spanish ? "es" : "en",
                IsActive = faker.Random.Double() > 0.04,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            if (faker.Random.Double() < 0.15)
            {
                patient.PreferredName = faker.Name.FirstName();
            }
            var guardianFirst = faker.Name.FirstName();
            var guardian = new Guardian
            {
                FirstName = guardianFirst,
                LastName = familyName,
                Relationship = faker.PickRandom(Relationships),
                IsPrimary = true,
            };
            patient.Guardians.Add(guardian);

            var emailRoll = faker.Random.Double();
            if (emailRoll < 0.85)
            {
                var domain = faker.PickRandom("example.com", "example.org", "example.net");
                AddPoint(patient, guardian, ContactMode.Email,
                    $"{guardianFirst}.{familyName}{i}@{domain}".ToLowerInvariant().Replace("'", ""));
            }
            if (faker.Random.Double() < 0.75)
            {
                AddPoint(patient, guardian, ContactMode.Text, FictionalPhone(faker, usedPhones));
            }
            if (faker.Random.Double() < 0.45)
            {
                AddPoint(patient, guardian, ContactMode.Phone, FictionalPhone(faker, usedPhones));
            }
            if (faker.Random.Double() < 0.12)
            {
                AddPoint(patient, guardian, ContactMode.WorkEmail, $"{guardianFirst}.{familyName}{i}@work.example".ToLowerInvariant().Replace("'", ""));
            }
            if (faker.Random.Double() < 0.10)
            {
                AddPoint(patient, guardian, ContactMode.WorkPhone, FictionalPhone(faker, usedPhones));
            }
            if (patient.ContactPoints.Count > 0 && faker.Random.Double() < 0.03)
            {
                var bad = faker.PickRandom(patient.ContactPoints);
                bad.Status = bad.Mode.IsEmail() ? ContactPointStatus.Bounced : ContactPointStatus.Invalid;
                bad.StatusReason = bad.Mode.IsEmail() ? "Mailbox does not exist (5.1.1)" : "Number is not in service";
                bad.StatusChangedUtc = now.AddDays(-faker.Random.Int(1, 60));
            }
            patients.Add(patient);
        }
        db.Patients.AddRange(patients);

        var zone = (await db.PracticeProfiles.FirstOrDefaultAsync(p => p.Id == PracticeProfile.SingletonId, ct))?.TimeZone
                   ?? TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var localToday = zone.LocalDate(now);
        var active = patients.Where(p => p.IsActive).ToList();
        for (var day = 0; day < 7; day++)
        {
            var date = localToday.AddDays(day);
            if (date.DayOfWeek == DayOfWeek.Sunday)
            {
                continue;
            }
            var lastSlot = date.DayOfWeek == DayOfWeek.Saturday ? 12 : 17;
            foreach (var provider in providers)
            {
                for (var slot = new TimeOnly(8, 0); slot.Hour < lastSlot; slot = slot.AddMinutes(30))
                {
                    if (faker.Random.Double() < 0.35)
                    {
                        continue;
                    }
                    var local = date.ToDateTime(slot, DateTimeKind.Unspecified);
                    db.Appointments.Add(new Appointment
                    {
                        Patient = faker.PickRandom(active),
                        Provider = provider,
                        StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone)),
                        DurationMinutes = 30,
                        Location = providers.IndexOf(provider) == 2 ? Locations[1] : Locations[0],
                        AppointmentType = faker.PickRandom(VisitTypes),
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data seeded: {PatientCount} patients", patientCount);
        return true;
    }

    private static void AddPoint(Patient patient, Guardian guardian, ContactMode mode, string value) =>
        patient.ContactPoints.Add(new ContactPoint { Mode = mode, Value = value, Guardian = guardian });

    private static string FictionalPhone(Faker faker, HashSet<string> used)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var number = $"+1{faker.PickRandom(AreaCodes)}5550{faker.Random.Int(100, 199)}";
            if (used.Add(number))
            {
                return number;
            }
        }
        throw new InvalidOperationException("Ran out of fictional phone numbers.");
    }
}
