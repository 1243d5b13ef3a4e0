using System.Security.Cryptography;
using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.UnitTests.Broadcasts;

public sealed class UnsubscribeTokensTests
{
    private readonly UnsubscribeTokens _tokens = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_token_matches_its_own_message_and_address()
    {
        var token = _tokens.Create(42, "parent@example.com");

        Assert.Equal(42, UnsubscribeTokens.MessageIdOf(token));
        Assert.True(_tokens.Matches(token, 42, "parent@example.com"));
        Assert.True(_tokens.Matches(token, 42, "Parent@Example.com"));
    }

    [Fact]
    public void A_token_for_address_a_does_not_unsubscribe_address_b()
    {
        var token = _tokens.Create(42, "a@example.com");

        Assert.False(_tokens.Matches(token, 42, "b@example.com"));
    }

    [Fact]
    public void A_token_moved_to_another_message_is_refused()
    {
        var token = _tokens.Create(42, "a@example.com");

        Assert.False(_tokens.Matches(token, 43, "a@example.com"));
    }

    [Fact]
    public void A_tampered_token_is_refused()
    {
        var token = _tokens.Create(42, "a@example.com");
        var chars = token.ToCharArray();
        chars[^1] = chars[^1] == 'A' ? 'B' : 'A';
        var tampered = new string(chars);

        Assert.False(_tokens.Matches(tampered, 42, "a@example.com"));
    }

    [Fact]
    public void A_token_made_with_another_key_is_refused()
    {
        var other = new UnsubscribeTokens(RandomNumberGenerator.GetBytes(32));

        Assert.False(_tokens.Matches(other.Create(42, "a@example.com"), 42, "a@example.com"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a@example.com")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void Garbage_is_not_a_token(string? token)
    {
        Assert.Null(UnsubscribeTokens.MessageIdOf(token));
        Assert.False(_tokens.Matches(token, 42, "a@example.com"));
    }

    [Fact]
    public void The_token_does_not_contain_the_address()
    {
        var token = _tokens.Create(42, "parent@example.com");

        Assert.DoesNotContain("parent", token, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(32, token.Length);
    }
}
