using MimeKit;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public class BounceDetectorTests
{
    [Trait("Check", "R10")]
    [Theory]
    [Trait("Check", "R10")]
    [InlineData("postfix-hard.eml", true)]
    [InlineData("exchange-hard.eml", true)]
    [InlineData("gmail-hard.eml", true)]
    [InlineData("exim-multi.eml", true)]
    [InlineData("global-utf8.eml", true)]
    [InlineData("complaint-arf.eml", true)]
    [InlineData("postfix-delayed.eml", true)]
    [InlineData("garbage-report.eml", true)]
    [InlineData("daemon-plain.eml", true)]
    [InlineData("not-a-bounce.eml", false)]
    public void R10_only_reports_and_daemon_bounces_are_taken(string fixture, bool expected)
    {
        using var stream = new MemoryStream(BounceFixtures.Read(fixture));
        var message = MimeMessage.Load(stream);
        stream.Position = 0;
        var headers = HeaderList.Load(stream);

        Assert.Equal(expected, BounceDetector.IsBounce(message));
        Assert.Equal(expected, BounceDetector.IsBounce(headers));
    }

    [Trait("Check", "R10")]
    [Fact]
    [Trait("Check", "R10")]
    public void R10_a_person_writing_about_an_undeliverable_letter_is_not_a_bounce()
    {
        var message = new MimeMessage { Subject = "Undeliverable letter returned to your office" };
        message.From.Add(new MailboxAddress("Lou Parent", "lou@example.org"));
        message.Body = new TextPart("plain") { Text = "The post office returned your letter." };

        Assert.False(BounceDetector.IsBounce(message));
    }
}
