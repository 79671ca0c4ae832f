using System.Reflection;

namespace CostSync;

/// <summary>
/// The version and commit stamped at publish (<c>-p:Version=… -p:SourceRevisionId=…</c>), read from the assembly's
/// informational version (<c>1.4.0+0123abcd…</c>). Printed by <c>--version</c> and logged by the daemon's start-up line.
/// </summary>
internal sealed record BuildInfo(string Version, string Commit)
{
    /// <summary>The running CostSync's version and commit.</summary>
    public static BuildInfo Current { get; } = Parse(typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Splits an informational version at its first <c>+</c>; a version without one has an <c>unknown</c> commit.</summary>
    public static BuildInfo Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new BuildInfo("unknown", "unknown");
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new BuildInfo(informationalVersion, "unknown")
            : new BuildInfo(informationalVersion[..plus], informationalVersion[(plus + 1)..] is { Length: > 0 } commit ? commit : "unknown");
    }

    /// <summary>What <c>--version</c> prints, e.g. <c>CostSync 1.4.0 (commit 0123abcd)</c>.</summary>
    public override string ToString() => $"CostSync {Version} (commit {Commit})";
}
