using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace PatientMessageExchange.IntegrationTests.Security;

[Trait("Check", "R27")]
public sealed class AntiforgeryCoverageTests
{
    /// <summary>
    /// Only signature-checked webhooks, the token-based one-click unsubscribe and the error pages may skip the global
    /// antiforgery check. A new exemption anywhere else fails this test.
    /// </summary>
    private static readonly string[] AllowedExemptions =
    [
        "HomeController.Error", "HomeController.Status",
        "StripeWebhookController.*",
        "TwilioWebhookController.*",
        "UnsubscribeController.*",
    ];

    [Fact]
    public void R27_no_action_skips_antiforgery_except_webhooks_unsubscribe_and_error_pages()
    {
        var controllers = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);
        var exempt = new List<string>();
        foreach (var controller in controllers)
        {
            var wholeController = controller.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null;
            foreach (var action in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (wholeController || action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null)
                {
                    exempt.Add($"{controller.Name}.{action.Name}");
                }
            }
        }

        var unexpected = exempt.Where(e => !AllowedExemptions.Any(a =>
            a.EndsWith(".*", StringComparison.Ordinal) ? e.StartsWith(a[..^1], StringComparison.Ordinal) : e == a)).ToList();
        Assert.Empty(unexpected);
    }
}
