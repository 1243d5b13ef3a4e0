using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>
/// Synthetic EHR data shaped the way Synthea-style US Core data looks: patients claiming the US Core Patient profile
/// with an MRN identifier, several ranked telecoms, a communication language (every third family speaks Spanish) and a
/// general practitioner; one or two guardians as RelatedPerson with their own phones and email; practitioners,
/// locations and booked appointments with patient, practitioner and location participants. Seeded, so a run can be
/// repeated. <see cref="Validate"/> checks each resource with the Firely SDK before it is loaded.
/// </summary>
public sealed class SyntheticEhr
{
    public const string MrnSystem = "http://hospital.example.org/mrn";
    public const string UsCorePatient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";
    public const string UsCoreRelatedPerson = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-relatedperson";
    public const string UsCorePractitioner = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner";
    public const string UsCoreLocation = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-location";

    private static readonly string[] Given = ["Sofia", "Liam", "Olivia", "Mateo", "Emma", "Noah", "Ava", "Lucas", "Mia", "Elijah", "Isabella", "Diego"];
    private static readonly string[] Family = ["Garcia", "Smith", "Nguyen", "Johnson", "Martinez", "Brown", "Lopez", "Davis", "Hernandez", "Wilson"];
    private static readonly string[] ParentGiven = ["Maria", "James", "Ana", "Robert", "Lucia", "Michael", "Carmen", "David"];
    private static readonly string[] Types = ["Well visit", "Sick visit", "Immunization", "Follow-up"];

    private readonly Random _random;

    public SyntheticEhr(int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        Now = now;
    }

    public DateTimeOffset Now { get; }
    public List<Practitioner> Practitioners { get; } = [];
    public List<Location> Locations { get; } = [];
    public List<Patient> Patients { get; } = [];
    public List<RelatedPerson> Guardians { get; } = [];
    public List<Appointment> Appointments { get; } = [];

    public IEnumerable<Resource> All =>
        Practitioners.Cast<Resource>().Concat(Locations).Concat(Patients).Concat(Guardians).Concat(Appointments);

    public static string Mrn(int index) => $"MRN{index:D6}";

    public static SyntheticEhr Generate(int patients, int appointments, DateTimeOffset now, int seed = 20)
    {
        var ehr = new SyntheticEhr(seed, now);
        ehr.AddPractitioner("pr-1", "Lee");
        ehr.AddPractitioner("pr-2", "Patel");
        ehr.AddPractitioner("pr-3", "Okafor");
        ehr.AddLocation("loc-1", "Main Street Clinic");
        ehr.AddLocation("loc-2", "Eastside Office");
        for (var i = 1; i <= patients; i++)
        {
            ehr.AddFamily(i);
        }
        for (var i = 1; i <= appointments; i++)
        {
            ehr.AddAppointment(i, ehr.Patients[(i - 1) % ehr.Patients.Count]);
        }
        return ehr;
    }

    private void AddPractitioner(string id, string family) => Practitioners.Add(new Practitioner
    {
        Id = id,
        Meta = new Meta { Profile = [UsCorePractitioner] },
        Identifier = [new Identifier("http://hl7.org/fhir/sid/us-npi", $"19{_random.Next(10000000, 99999999)}")],
        Name = [new HumanName { Family = family, Given = [ParentGiven[_random.Next(ParentGiven.Length)]], Prefix = ["Dr."] }],
    });

    private void AddLocation(string id, string name) => Locations.Add(new Location
    {
        Id = id,
        Meta = new Meta { Profile = [UsCoreLocation] },
        Name = name,
        Status = Location.LocationStatus.Active,
    });

    private void AddFamily(int index)
    {
        var family = Family[_random.Next(Family.Length)];
        var spanish = index % 3 == 0;
        var birth = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-_random.Next(30, 17 * 365));
        var mobile = Phone();
        var patient = new Patient
        {
            Id = $"pat-{index}",
            Meta = new Meta { Profile = [UsCorePatient] },
            Identifier =
            [
                new Identifier(MrnSystem, Mrn(index))
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
                },
                new Identifier("http://hl7.org/fhir/sid/us-ssn", $"999-{_random.Next(10, 99)}-{_random.Next(1000, 9999)}"),
            ],
            Active = true,
            Name =
            [
                new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = [Given[_random.Next(Given.Length)]] },
            ],
            Gender = _random.Next(2) == 0 ? AdministrativeGender.Female : AdministrativeGender.Male,
            BirthDate = birth.ToString("yyyy-MM-dd"),
            Telecom =
            [
                new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, Phone()) { Rank = 2 },
                new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, mobile) { Rank = 1 },
                new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home,
                    $"family{index}@example.com") { Rank = 3 },
            ],
            Communication =
            [
                new Patient.CommunicationComponent
                {
                    Language = new CodeableConcept("urn:ietf:bcp:47", spanish ? "es" : "en", spanish ? "Spanish" : "English"),
                    Preferred = true,
                },
            ],
            GeneralPractitioner = [new ResourceReference($"Practitioner/{Practitioners[index % Practitioners.Count].Id}")],
            Address =
            [
                new Address { Line = [$"{_random.Next(1, 999)} Elm Street"], City = "Springfield", State = "MA", PostalCode = "01101", Country = "US" },
            ],
        };
        Patients.Add(patient);
        var guardians = index % 4 == 0 ? 2 : 1;
        for (var g = 1; g <= guardians; g++)
        {
            var mother = g == 1;
            Guardians.Add(new RelatedPerson
            {
                Id = $"rp-{index}-{g}",
                Meta = new Meta { Profile = [UsCoreRelatedPerson] },
                Active = true,
                Patient = new ResourceReference($"Patient/{patient.Id}"),
                Relationship =
                [
                    new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", mother ? "MTH" : "FTH", mother ? "mother" : "father"),
                ],
                Name = [new HumanName { Family = family, Given = [ParentGiven[_random.Next(ParentGiven.Length)]] }],
                Telecom =
                [
                    new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, mother ? mobile : Phone()) { Rank = 1 },
                    new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home, $"parent{index}-{g}@example.com") { Rank = 2 },
                    new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, Phone()) { Rank = 3 },
                ],
            });
        }
    }

    private void AddAppointment(int index, Patient patient)
    {
        var start = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero)
            .AddDays(1 + _random.Next(0, 30)).AddHours(13 + _random.Next(0, 8)).AddMinutes(15 * _random.Next(0, 4));
        var minutes = _random.Next(2) == 0 ? 15 : 30;
        Appointments.Add(new Appointment
        {
            Id = $"appt-{index}",
            Status = Appointment.AppointmentStatus.Booked,
            AppointmentType = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0276", "ROUTINE", "Routine appointment")
            {
                Text = Types[_random.Next(Types.Length)],
            },
            Start = start,
            End = start.AddMinutes(minutes),
            MinutesDuration = minutes,
            Participant =
            [
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Patient/{patient.Id}"), Status = ParticipationStatus.NeedsAction,
                    Required = Appointment.ParticipantRequired.Required,
                },
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Practitioner/{Practitioners[_random.Next(Practitioners.Count)].Id}"),
                    Status = ParticipationStatus.Accepted,
                },
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Location/{Locations[_random.Next(Locations.Count)].Id}"),
                    Status = ParticipationStatus.Accepted,
                },
            ],
        });
    }

    // 555-01xx numbers are reserved for fiction, and valid for libphonenumber in the 617 area.
    private string Phone() => $"+1617555{_random.Next(100, 200):D4}";

    /// <summary>
    /// Checks every resource with the Firely SDK: the POCO validation (cardinality, primitive formats, invariants),
    /// a strict round trip through FHIR JSON, and the US Core Patient must-support elements Synthea fills in.
    /// </summary>
    public void Validate()
    {
        var strict = FhirSerializationEngineFactory.Strict(ModelInfo.ModelInspector);
        foreach (var resource in All)
        {
            var problems = resource.Validate(ModelInfo.ModelInspector, validateRecursively: true).ToList();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"{resource.TypeName}/{resource.Id} is not valid: {string.Join("; ", problems)}");
            }
            strict.DeserializeFromJson(strict.SerializeToJson(resource));
        }
        foreach (var patient in Patients)
        {
            if (patient.Meta?.Profile.Contains(UsCorePatient) != true || patient.Identifier.Count == 0 || patient.Name.Count == 0
                || patient.Gender is null || patient.Name.Any(n => n.Family is null && !n.Given.Any()))
            {
                throw new InvalidOperationException($"Patient/{patient.Id} lacks a US Core Patient required element.");
            }
        }
    }
}
