namespace PatientMessageExchange.UnitTests.Bounces;

/// <summary>The DSN and ARF samples under Fixtures/Bounces, written for these tests in each sender's style.</summary>
public static class BounceFixtures
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bounces", name));
}
