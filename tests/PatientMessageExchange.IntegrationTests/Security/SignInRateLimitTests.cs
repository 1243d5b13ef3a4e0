using System.Net;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

[Trait("Check", "R25")]
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly PmxAppFactory _app = new PmxAppFactory().With("Security:Session:SignInAttemptsPerMinute", "3");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task R25_the_sign_in_endpoint_answers_429_past_its_rate()
    {
        await _app.CompleteSetupAsync();
        var client = _app.CreateBrowserlessClient();
        var token = await client.GetAntiforgeryTokenAsync("/Account/Login");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "admin", ["Password"] = "wrong password here", ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
