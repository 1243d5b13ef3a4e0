using System.Text;

namespace PatientMessageExchange.Core.Templates;

/// <summary>Collects rendered text, refusing to hold more than a set number of characters or to run past the time limit.</summary>
internal sealed class BoundedWriter(int limit, RenderBudget budget, string what) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    public override void Write(string? value) => Append(value);

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);

    public override string ToString() => _text.ToString();

    private void Append(ReadOnlySpan<char> text)
    {
        if (_text.Length + text.Length > limit)
        {
            throw new TemplateRenderException($"The {what} would be longer than {limit:N0} characters.");
        }
        budget.CheckTime();
        _text.Append(text);
    }
}
