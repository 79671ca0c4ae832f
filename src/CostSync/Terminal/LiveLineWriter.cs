using System.Text;

namespace CostSync.Terminal;

/// <summary>The console writer while a <see cref="LiveLine"/> is attached: erases the live line, then writes as before.</summary>
internal sealed class LiveLineWriter(TextWriter inner, LiveLine line) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        line.BeforeWrite();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        line.BeforeWrite();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        line.BeforeWrite();
        inner.Write(buffer, index, count);
    }

    public override void Flush() => inner.Flush();
}
