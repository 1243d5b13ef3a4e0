using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.UnitTests.Replies;

public sealed class CancelKeywordTests
{
    [Theory]
    [InlineData("X")]
    [InlineData(" x. ")]
    [InlineData("cancelar")]
    [InlineData("Cancelar cita")]
    [InlineData("cancel   appointment")]
    public void Cancel_words_in_English_and_Spanish_mean_a_cancellation(string body) =>
        Assert.Equal(InboundKind.Cancellation, ReplyKeywords.Classify(body));

    [Theory]
    [InlineData("CANCEL")]
    [InlineData("cancel")]
    public void Plain_cancel_stays_a_carrier_opt_out(string body) => Assert.Equal(InboundKind.Stop, ReplyKeywords.Classify(body));

    [Fact]
    public void A_response_token_is_not_an_unsubscribe_token_for_the_same_message()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var responses = new AppointmentResponseTokens(key);
        var unsubscribe = new Core.Broadcasts.UnsubscribeTokens(key);

        var token = responses.Create(42, "parent@example.com");

        Assert.True(responses.Matches(token, 42, "Parent@Example.com"));
        Assert.False(unsubscribe.Matches(token, 42, "parent@example.com"));
        Assert.False(responses.Matches(unsubscribe.Create(42, "parent@example.com"), 42, "parent@example.com"));
        Assert.False(responses.Matches(token, 42, "other@example.com"));
    }
}
