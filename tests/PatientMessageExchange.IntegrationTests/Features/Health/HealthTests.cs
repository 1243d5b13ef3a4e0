using System.Net;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Health;

public class HealthTests : IClassFixture<PmxAppFactory>
{
    private readonly PmxAppFactory _app;

    public HealthTests(PmxAppFactory app) => _app = app;

    [Fact]
    public async Task Health_Anonymous_AnswersHealthy()
    {
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
