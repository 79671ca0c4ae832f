namespace CostSync.Terminal;

/// <summary>
/// One status line at the bottom of an interactive terminal, redrawn in place (<c>\r</c> + text + erase to end of line).
/// Once attached, every other console write first erases the line, so log lines never run into it.
/// </summary>
internal sealed class LiveLine
{
    private const string EraseLine = "\r\u001b[K";
    private readonly Lock _lock = new();
    private TextWriter? _terminal;
    private bool _shown;

    /// <summary>True once <see cref="Attach"/> has taken over the console.</summary>
    public bool IsAttached => Volatile.Read(ref _terminal) is not null;

    /// <summary>Routes <see cref="Console.Out"/> through this line; call only when standard output is a terminal.</summary>
    public void Attach()
    {
        lock (_lock)
        {
            if (_terminal is not null)
            {
                return;
            }

            _terminal = Console.Out;
            Console.SetOut(new LiveLineWriter(_terminal, this));
        }
    }

    /// <summary>Replaces the line with <paramref name="text"/>, cut to the terminal's width so it never wraps.</summary>
    public void Show(string text)
    {
        lock (_lock)
        {
            if (_terminal is null)
            {
                return;
            }

            var width = Width();
            _terminal.Write('\r' + (text.Length < width ? text : text[..(width - 1)]) + "\u001b[K");
            _terminal.Flush();
            _shown = true;
        }
    }

    /// <summary>Erases the line if it is shown.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            EraseIfShown();
        }
    }

    /// <summary>Called by <see cref="LiveLineWriter"/> before any other output.</summary>
    internal void BeforeWrite()
    {
        lock (_lock)
        {
            EraseIfShown();
        }
    }

    private void EraseIfShown()
    {
        if (_shown && _terminal is not null)
        {
            _terminal.Write(EraseLine);
            _shown = false;
        }
    }

    private static int Width()
    {
        try
        {
            return Console.WindowWidth is > 10 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
