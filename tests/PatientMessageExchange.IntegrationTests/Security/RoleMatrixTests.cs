using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Security;

/// <summary>
/// R23: every controller action, found from the app's own action descriptors, is called as anonymous, FrontDesk,
/// OfficeManager and Administrator, and the outcome must match the role table in docs/security.md. An action that is
/// not in the table fails the test, so a new page can't ship without a decision on who may use it.
/// </summary>
[Trait("Check", "R23")]
public sealed partial class RoleMatrixTests(PmxAppFactory app, ITestOutputHelper output) : IClassFixture<PmxAppFactory>
{
    private static readonly string[] Columns = ["anonymous", Roles.FrontDesk, Roles.OfficeManager, Roles.Administrator];

    [Fact]
    public async Task R23_every_action_allows_and_denies_exactly_the_roles_in_the_security_table()
    {
        var expected = ReadTable();
        await app.CompleteSetupAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateBrowserlessClient(),
            [Roles.FrontDesk] = await app.SignInAsRoleAsync(Roles.FrontDesk),
            [Roles.OfficeManager] = await app.SignInAsRoleAsync(Roles.OfficeManager),
            [Roles.Administrator] = await app.SignInAsRoleAsync(Roles.Administrator),
        };
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Select(a => (Key: $"{a.ControllerName}.{a.ActionName} {Method(a)}", Url: Url(a), Method: Method(a)))
            .DistinctBy(a => a.Key).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();

        var actual = new StringBuilder();
        var problems = new List<string>();
        foreach (var (key, url, method) in actions)
        {
            var row = new List<string>();
            foreach (var column in Columns)
            {
                var response = await clients[column].SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = method == "GET" ? null : new FormUrlEncodedContent([]),
                });
                row.Add(Outcome(response));
            }
            actual.AppendLine($"| `{key}` | {string.Join(" | ", row)} |");
            if (!expected.TryGetValue(key, out var wanted))
            {
                problems.Add($"{key} is not in docs/security.md");
                continue;
            }
            for (var i = 0; i < Columns.Length; i++)
            {
                var ok = wanted[i] switch
                {
                    "allow" => row[i] == "allow",
                    "deny" => row[i] == "deny",
                    // Open endpoints check a signature or token themselves; the sign-in layer must not stop them.
                    "open" => row[i] is "allow" or "refused",
                    // The error page answers 500 on purpose.
                    "error" => row[i].StartsWith("error", StringComparison.Ordinal),
                    _ => false,
                };
                if (!ok)
                {
                    problems.Add($"{key} as {Columns[i]}: expected {wanted[i]}, got {row[i]}");
                }
            }
        }
        foreach (var stale in expected.Keys.Except(actions.Select(a => a.Key)))
        {
            problems.Add($"{stale} is in docs/security.md but no longer exists");
        }
        output.WriteLine(actual.ToString());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>deny: sent to sign in or told access is denied; refused: a 401/403 of the endpoint's own; else allow.</summary>
    private static string Outcome(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            // A page that crashes is never what the table means by "allow".
            return $"error {(int)response.StatusCode}";
        }
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            if (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ||
                location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase))
            {
                return "deny";
            }
        }
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "refused" : "allow";
    }

    private static string Method(ControllerActionDescriptor action) =>
        action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).FirstOrDefault() ?? "GET";

    private static string Url(ControllerActionDescriptor action)
    {
        var template = action.AttributeRouteInfo?.Template is { } attributed
            ? "/" + attributed
            : $"/{action.ControllerName}/{action.ActionName}" + (action.Parameters.Any(p => p.Name == "id") ? "/{id}" : "");
        // A status page needs a real status code; every other parameter gets an id.
        return RouteParameter().Replace(template, m => m.Value.StartsWith("{code", StringComparison.Ordinal) ? "404" : "1");
    }

    private static Dictionary<string, string[]> ReadTable()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "security.md");
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var match = TableRow().Match(line);
            if (match.Success)
            {
                table[match.Groups[1].Value] = match.Groups[2].Value.Split('|', StringSplitOptions.TrimEntries);
            }
        }
        return table;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^\| `([^`]+)` \| (.+) \|$")]
    private static partial Regex TableRow();
}
