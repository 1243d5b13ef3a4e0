namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public enum FakeAnswerKind
{
    Created,
    Throttle,
    ServerError,
    AcceptThenFail,
    Refuse,
}
