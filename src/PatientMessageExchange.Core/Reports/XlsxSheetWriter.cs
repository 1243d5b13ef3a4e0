using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// A one-sheet SpreadsheetML workbook written as its rows arrive: header row, inline-string and number cells, an
/// autofilter over the used range, and nothing else. Every part follows the schema's element order (ECMA-376), which
/// the OpenXML SDK validator checks in the tests; the library used before put a drawing element inside sheetData.
/// </summary>
internal static class XlsxSheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static async Task<int> WriteAsync(Stream output, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object>> rows, CancellationToken ct)
    {
        // The archive writes its central directory synchronously on dispose; callers that pass a response body
        // allow synchronous IO for that response.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        int count;
        await using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        {
            count = await WriteSheetAsync(sheet, headers, rows, ct);
        }
        await WritePartAsync(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        await WritePartAsync(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        await WritePartAsync(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRels}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);
        var quotedName = SecurityElement(sheetName.Replace("'", "''", StringComparison.Ordinal));
        await WritePartAsync(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="{RelationshipsNs}"><sheets><sheet name="{SecurityElement(sheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'{quotedName}'!$A$1:${Column(headers.Count - 1)}${count + 1}</definedName></definedNames></workbook>
            """);
        return count;
    }

    private static async Task<int> WriteSheetAsync(Stream stream, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object>> rows, CancellationToken ct)
    {
        await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync(standalone: true);
        await xml.WriteStartElementAsync(null, "worksheet", Main);
        await xml.WriteStartElementAsync(null, "sheetData", Main);
        await WriteRowAsync(xml, 1, headers);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            count++;
            await WriteRowAsync(xml, count + 1, row);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "autoFilter", Main);
        await xml.WriteAttributeStringAsync(null, "ref", null, $"A1:{Column(headers.Count - 1)}{count + 1}");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        return count;
    }

    private static async Task WriteRowAsync(XmlWriter xml, int number, IReadOnlyList<object> cells)
    {
        var rowNumber = number.ToString(CultureInfo.InvariantCulture);
        await xml.WriteStartElementAsync(null, "row", Main);
        await xml.WriteAttributeStringAsync(null, "r", null, rowNumber);
        for (var i = 0; i < cells.Count; i++)
        {
            await xml.WriteStartElementAsync(null, "c", Main);
            await xml.WriteAttributeStringAsync(null, "r", null, Column(i) + rowNumber);
            if (cells[i] is int number32)
            {
                await xml.WriteElementStringAsync(null, "v", Main, number32.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await xml.WriteStartElementAsync(null, "is", Main);
                await xml.WriteStartElementAsync(null, "t", Main);
                await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await xml.WriteStringAsync(XmlSafe(Convert.ToString(cells[i], CultureInfo.InvariantCulture) ?? ""));
                await xml.WriteEndElementAsync();
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private static async Task WritePartAsync(ZipArchive zip, string name, string content)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(content.Trim());
        await stream.WriteAsync(bytes);
    }

    /// <summary>A, B, … Z, AA, AB … for a zero-based column index.</summary>
    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static string SecurityElement(string text) => System.Security.SecurityElement.Escape(text);

    // Control characters other than tab and line breaks are not allowed in XML 1.0; a pasted address could hold one.
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray())
            : text;
}
