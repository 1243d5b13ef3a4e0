namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public sealed record FakeAnswer(FakeAnswerKind Kind, int ErrorCode = 0, int RetryAfterSeconds = 0)
{
    public static readonly FakeAnswer Created = new(FakeAnswerKind.Created);
}
