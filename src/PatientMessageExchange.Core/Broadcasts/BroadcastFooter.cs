using System.Net;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>What every broadcast email ends with (R13): who sent it, the practice's postal address, and how to stop them.</summary>
public static class BroadcastFooter
{
    public static string Html(string practiceName, string postalAddress, string unsubscribeUrl)
    {
        var name = WebUtility.HtmlEncode(practiceName);
        var address = WebUtility.HtmlEncode(postalAddress).Replace("\n", "<br>", StringComparison.Ordinal);
        var url = WebUtility.HtmlEncode(unsubscribeUrl);
        return "<hr><p class=\"pmx-footer\">" +
               $"This announcement was sent by {name}.<br>{address}</p>" +
               $"<p class=\"pmx-footer\">Don't want these emails? <a href=\"{url}\">Unsubscribe</a>.</p>";
    }

    /// <summary>The body with the footer placed before the closing body tag, or at the end.</summary>
    public static string Append(string body, string footer)
    {
        var end = body.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? body + footer : body[..end] + footer + body[end..];
    }
}
