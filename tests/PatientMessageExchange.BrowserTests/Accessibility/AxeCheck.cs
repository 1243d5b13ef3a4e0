using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatientMessageExchange.BrowserTests.Accessibility;

/// <summary>
/// axe-core (through Deque.AxeCore.Playwright) with the WCAG 2.1 A and AA rules. A violation counts when its impact is
/// serious or critical; each is described with the rule, its help text and the elements it found.
/// </summary>
public static class AxeCheck
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at " +
                         string.Join(" | ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html}")))
            .ToList();
    }
}
