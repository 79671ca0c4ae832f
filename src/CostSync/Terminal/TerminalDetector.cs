namespace CostSync.Terminal;

/// <summary>Decides whether standard output is a person's terminal (not systemd's journal, a pipe, a file or a dumb terminal).</summary>
internal static class TerminalDetector
{
    public static bool IsInteractive(bool underSystemd) =>
        !underSystemd
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
