namespace PatientMessageExchange.IntegrationTests.Infrastructure;

// The server's file is shared with the benchmarks, which have no xunit; the fixture contract is declared here.
public sealed partial class MedplumFhirServer : IAsyncLifetime;
